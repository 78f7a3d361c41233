namespace Switchboard.Core.Sip;

/// <summary>
/// Answers OPTIONS addressed to the PBX with 200 and its capabilities (Allow, Accept, Supported), as Asterisk does;
/// used by phones for keep-alive, by scanners (svmap) and by <c>switchboard healthcheck</c>.
/// </summary>
public sealed class OptionsHandler(SipStack stack) : ISipRequestHandler
{
    public const string Accept = "application/sdp, application/simple-message-summary, message/sipfrag, text/plain, application/pidf+xml, application/dialog-info+xml";
    public const string Supported = "100rel, timer, replaces, norefersub, path";

    public void Handle(SipRequestContext context)
    {
        SipResponder.Send(stack, context, 200, "OK", w =>
        {
            w.WriteHeader("Allow", stack.Router.AllowHeader);
            w.WriteHeader("Accept", Accept);
            w.WriteHeader("Supported", Supported);
            w.WriteHeader("Accept-Encoding", "text/plain");
            w.WriteHeader("Accept-Language", "en");
        });
    }
}
