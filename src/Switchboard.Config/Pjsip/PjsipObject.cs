namespace Switchboard.Config.Pjsip;

/// <summary>Common part of every pjsip.conf object: its name (id), where it was defined, and <c>@</c> user fields.</summary>
public abstract record PjsipObject
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    /// <summary>The object id (the category name). Ids are case-sensitive, as in Asterisk.</summary>
    public required string Name { get; init; }

    /// <summary>File of the defining category (for wizard objects: of the wizard).</summary>
    public string SourceFile { get; init; } = string.Empty;

    /// <summary>Line of the defining category header.</summary>
    public int SourceLine { get; init; }

    /// <summary>User fields: options whose name starts with <c>@</c>, with the <c>@</c> kept in the key.</summary>
    public IReadOnlyDictionary<string, string> UserFields { get; init; } = NoFields;

    /// <summary>Name of the wizard that generated this object, or null for a plain pjsip.conf object.</summary>
    public string? WizardName => UserFields.TryGetValue("@pjsip_wizard", out var w) ? w : null;

    /// <summary>The Asterisk object type name (endpoint, aor, ...).</summary>
    public abstract string TypeName { get; }
}
