namespace Switchboard.Sip.Transactions;

/// <summary>What a client transaction decided about a response, acted on outside its lock.</summary>
[Flags]
internal enum ResponseStep : byte
{
    Absorb = 0,
    Deliver = 1,
    Finish = 2,
    Unmatched = 4,
    SendCancel = 8,
}
