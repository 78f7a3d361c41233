namespace Switchboard.Sip.Messages;

/// <summary>Offsets of one header line inside the message buffer (value trimmed, may contain folded line breaks).</summary>
internal struct SipHeaderEntry
{
    public SipHeaderId Id;
    public int NameStart;
    public int NameLength;
    public int ValueStart;
    public int ValueLength;
}
