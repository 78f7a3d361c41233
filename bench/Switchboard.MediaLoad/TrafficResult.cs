namespace Switchboard.MediaLoad;

/// <summary>Totals of one measurement window.</summary>
internal sealed record TrafficResult(long Sent, long Received, double Seconds, TransitHistogram Transit, double JitterMeanMs, double JitterMaxMs);
