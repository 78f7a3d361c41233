using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Sip;

/// <summary>
/// Routes new requests by method to their handler. Methods we know but have no handler for get 405 with Allow;
/// the validator already answered unknown ones with 501.
/// </summary>
public sealed class SipRequestRouter
{
    private readonly SipStack _stack;
    private readonly ISipRequestHandler?[] _handlers = new ISipRequestHandler?[32];

    internal SipRequestRouter(SipStack stack) => _stack = stack;

    /// <summary>Handles ACKs for 2xx (dialog layer). Arguments: the ACK, its peer, the matched INVITE transaction if any.</summary>
    public Action<SipMessage, SipPeer, ServerTransaction?>? AckHandler { get; set; }

    public void Register(SipMethod method, ISipRequestHandler handler) => _handlers[(int)method] = handler;

    /// <summary>Methods that have a handler, for Allow headers.</summary>
    public IEnumerable<SipMethod> HandledMethods
    {
        get
        {
            for (int i = 0; i < _handlers.Length; i++)
            {
                if (_handlers[i] is not null)
                {
                    yield return (SipMethod)i;
                }
            }
        }
    }

    public string AllowHeader => string.Join(", ", HandledMethods.Append(SipMethod.Ack).Distinct().Select(SipMethods.ToName));

    internal void Dispatch(SipRequestContext context)
    {
        var method = context.Request.Method;
        var handler = (int)method < _handlers.Length ? _handlers[(int)method] : null;
        if (handler is null)
        {
            SipResponder.Send(_stack, context, 405, "Method Not Allowed", w => w.WriteHeader("Allow", AllowHeader));
            return;
        }

        handler.Handle(context);
    }

    internal void DispatchAck(SipMessage ack, SipPeer peer, ServerTransaction? invite) => AckHandler?.Invoke(ack, peer, invite);
}
