using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Model;

/// <summary>One step of an extension: <c>exten => 100,2(label),App(args)</c>.</summary>
public sealed class Priority
{
    /// <summary>Creates a priority.</summary>
    public Priority(int number, string? label, string application, string rawArgs, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(rawArgs);
        Number = number;
        Label = string.IsNullOrEmpty(label) ? null : label;
        Application = application;
        RawArgs = rawArgs;
        Args = Template.Parse(rawArgs);
        File = file ?? string.Empty;
        Line = line;
    }

    /// <summary>The priority number (1, 2, ...).</summary>
    public int Number { get; }

    /// <summary>The label written as <c>n(label)</c>, or null.</summary>
    public string? Label { get; }

    /// <summary>The application name as written (looked up case-insensitively).</summary>
    public string Application { get; }

    /// <summary>The argument text as written, before substitution.</summary>
    public string RawArgs { get; }

    /// <summary>The prepared argument template.</summary>
    public Template Args { get; }

    /// <summary>File the priority was defined in.</summary>
    public string File { get; }

    /// <summary>Line the priority was defined on.</summary>
    public int Line { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Number}. {Application}({RawArgs})";
}
