namespace Switchboard.Core.Originate;

/// <summary>
/// A call the PBX places itself (<c>channel originate</c>, AMI Originate, call files): dial <see cref="Channel"/>
/// (tech/data, e.g. <c>PJSIP/bob</c> or <c>PJSIP/0123@trunk</c>); when it answers, run the dialplan at
/// <see cref="Context"/>/<see cref="Exten"/>/<see cref="Priority"/> or the single <see cref="Application"/>(<see cref="Data"/>).
/// </summary>
public sealed record OriginateRequest
{
    public required string Channel { get; init; }

    public string? Context { get; init; }

    public string? Exten { get; init; }

    public int Priority { get; init; } = 1;

    public string? Application { get; init; }

    public string Data { get; init; } = string.Empty;

    /// <summary>Caller id shown to the called device (<c>"Name" &lt;number&gt;</c> or a number).</summary>
    public string? CallerId { get; init; }

    /// <summary>Channel variables set before dialling (Variable: / Setvar:).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Variables { get; init; } = [];

    /// <summary>How long the device may ring (Asterisk's default 30 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public string Account { get; init; } = string.Empty;

    /// <summary>Checks that the request names exactly one of extension or application.</summary>
    public bool TryValidate(out string? error)
    {
        error = null;
        int slash = Channel.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == Channel.Length - 1)
        {
            error = "Channel must be <tech>/<data>";
        }
        else if (string.IsNullOrEmpty(Application) == string.IsNullOrEmpty(Exten))
        {
            error = "Exten or Application (exactly one) is required";
        }
        else if (Timeout <= TimeSpan.Zero)
        {
            error = "Timeout must be positive";
        }

        return error is null;
    }
}
