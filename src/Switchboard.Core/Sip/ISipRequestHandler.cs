namespace Switchboard.Core.Sip;

/// <summary>Handles new requests of one method (REGISTER, OPTIONS, INVITE ...). Must send a final response.</summary>
public interface ISipRequestHandler
{
    void Handle(SipRequestContext context);
}
