namespace Switchboard.Core.Cdr;

/// <summary>One call's detail record (the A party's view, as cdr_csv writes it).</summary>
public sealed class CdrRecord
{
    public string AccountCode { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public string Destination { get; set; } = string.Empty;

    public string DestinationContext { get; set; } = string.Empty;

    public string CallerId { get; set; } = string.Empty;

    public string Channel { get; set; } = string.Empty;

    public string DestinationChannel { get; set; } = string.Empty;

    public string LastApplication { get; set; } = string.Empty;

    public string LastData { get; set; } = string.Empty;

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset? Answer { get; set; }

    public DateTimeOffset End { get; set; }

    public string Disposition { get; set; } = "NO ANSWER";

    public string AmaFlags { get; set; } = "DOCUMENTATION";

    public string UniqueId { get; set; } = string.Empty;

    public string UserField { get; set; } = string.Empty;

    /// <summary>Seconds from start to end (whole seconds, rounded down).</summary>
    public long Duration => Math.Max(0, (long)(End - Start).TotalSeconds);

    /// <summary>Seconds from answer to end, 0 when not answered.</summary>
    public long BillSeconds => Answer is { } a ? Math.Max(0, (long)(End - a).TotalSeconds) : 0;
}
