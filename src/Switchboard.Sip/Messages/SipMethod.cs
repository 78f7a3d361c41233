namespace Switchboard.Sip.Messages;

/// <summary>Known SIP request methods. <see cref="Unknown"/> means an extension method: use the raw method bytes.</summary>
public enum SipMethod : byte
{
    /// <summary>An extension method this stack does not know; compare the raw method span instead.</summary>
    Unknown = 0,
    Invite,
    Ack,
    Bye,
    Cancel,
    Register,
    Options,
    Info,
    Prack,
    Subscribe,
    Notify,
    Update,
    Message,
    Refer,
    Publish,
}
