namespace Switchboard.Dialplan.Patterns;

/// <summary>What one position of an extension pattern is.</summary>
internal enum PatternElementKind
{
    /// <summary>Exactly one character from a set (a literal is a set of one).</summary>
    Set,

    /// <summary><c>.</c>: one or more of anything.</summary>
    OneOrMore,

    /// <summary><c>!</c>: zero or more of anything, matching as early as possible.</summary>
    ZeroOrMore,
}
