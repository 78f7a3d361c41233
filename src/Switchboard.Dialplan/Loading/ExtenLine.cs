namespace Switchboard.Dialplan.Loading;

/// <summary>The parts of an <c>exten =&gt;</c> or <c>same =&gt;</c> value.</summary>
internal readonly record struct ExtenLine(
    string Exten,
    string? CallerId,
    string PriorityText,
    string? Label,
    string Application,
    string Args,
    bool MissingCloseParen);
