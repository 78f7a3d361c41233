using Switchboard.Core.Originate;

namespace Switchboard.Core.Spool;

/// <summary>A call file of the outgoing spool (Asterisk's pbx_spool keys), with the retries already made.</summary>
public sealed record CallFile
{
    public required string Channel { get; init; }

    public string? CallerId { get; init; }

    /// <summary>Seconds the device may ring (default 45).</summary>
    public int WaitTime { get; init; } = 45;

    /// <summary>Further attempts after the first one fails (default 0).</summary>
    public int MaxRetries { get; init; }

    /// <summary>Seconds between attempts (default 300).</summary>
    public int RetryTime { get; init; } = 300;

    public string Account { get; init; } = string.Empty;

    public string? Context { get; init; }

    public string? Extension { get; init; }

    public int Priority { get; init; } = 1;

    public string? Application { get; init; }

    public string Data { get; init; } = string.Empty;

    public IReadOnlyList<KeyValuePair<string, string>> Variables { get; init; } = [];

    /// <summary>Keep the file in outgoing_done (with a Status: line) instead of deleting it.</summary>
    public bool Archive { get; init; }

    /// <summary>Attempts already made (StartRetry: lines written by earlier attempts).</summary>
    public int Retries { get; init; }

    public OriginateRequest ToRequest() => new()
    {
        Channel = Channel,
        CallerId = CallerId,
        Timeout = TimeSpan.FromSeconds(WaitTime),
        Account = Account,
        Context = Application is null ? Context ?? "default" : Context,
        Exten = Application is null ? Extension ?? "s" : null,
        Priority = Priority,
        Application = Application,
        Data = Data,
        Variables = Variables,
    };
}
