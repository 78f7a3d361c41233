using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Common.Timing;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Events;
using Switchboard.Core.Sip;
using Switchboard.Core.Sip.Overload;
using Switchboard.Sip.Messages;
using Switchboard.TestKit;
using Switchboard.Transport;

namespace Switchboard.Core.Tests.Sip.Overload;

/// <summary>The admission control on an in-memory SIP stack, with the pending-INVITE signal and a fake clock.</summary>
public sealed class OverloadControlTests : IDisposable
{
    private static readonly PeerAddress Phone = PeerAddress.FromEndPoint(new IPEndPoint(IPAddress.Loopback, 5070));
    private readonly TimingWheel _wheel = new(TimeProvider.System);
    private readonly InMemoryTransport _transport = new(localEndPoint: new IPEndPoint(IPAddress.Loopback, 5060));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger _log = new();
    private readonly SipStack _stack;
    private readonly Dictionary<SipMethod, RecordingHandler> _handlers = [];

    public OverloadControlTests()
    {
        var transports = new TransportRegistry();
        _stack = new SipStack(transports, _wheel, new EventBus(), NullLogger.Instance);
        _transport.Start(_stack);
        transports.TryAdd(_transport);
        foreach (var m in new[] { SipMethod.Invite, SipMethod.Register, SipMethod.Options, SipMethod.Bye, SipMethod.Cancel, SipMethod.Message })
        {
            _handlers[m] = new RecordingHandler();
            _stack.Router.Register(m, _handlers[m]);
        }
    }

    private OverloadControl Control(PjsipOverload settings)
    {
        var transactions = _stack.Transactions;
        var control = new OverloadControl(settings, _time, () => transactions.ProceedingInvites, _log, sample: false);
        _stack.Overload = control;
        return control;
    }

    private static string Request(string method, string callId, string branch, string toTag = "", string cseqMethod = "")
        => $"{method} sip:100@127.0.0.1 SIP/2.0\r\n" +
           $"Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK{branch}\r\n" +
           "Max-Forwards: 70\r\n" +
           "From: <sip:alice@127.0.0.1>;tag=from1\r\n" +
           $"To: <sip:100@127.0.0.1>{(toTag.Length > 0 ? ";tag=" + toTag : string.Empty)}\r\n" +
           $"Call-ID: {callId}\r\n" +
           $"CSeq: 1 {(cseqMethod.Length > 0 ? cseqMethod : method)}\r\n" +
           "Contact: <sip:alice@127.0.0.1:5070>\r\n" +
           "Content-Length: 0\r\n\r\n";

    private void Receive(string text) => Assert.True(_transport.Deliver(text, Phone));

    private List<string> Sent503() => _transport.Sent.Select(s => s.Text).Where(t => t.StartsWith("SIP/2.0 503 ", StringComparison.Ordinal)).ToList();

    private int Handled(SipMethod m) => _handlers[m].Handled.Count;

    [Fact]
    public void Within_an_episode_calm_samples_admit_a_growing_share_evenly_and_the_exact_invite_mark_still_refuses()
    {
        var control = Control(new PjsipOverload { DelayHighMs = 0, InvitesHigh = 2, InvitesLow = 1, MinDurationMs = 1000 });
        Receive(Request("INVITE", "a", "a1"));
        Receive(Request("INVITE", "b", "b1"));
        Receive(Request("INVITE", "c", "c1"));
        Assert.True(control.IsOverloaded);
        Assert.Equal(0.0, control.AdmittedShare);

        // still at the mark: the share stays at nothing
        _time.Advance(OverloadControl.SampleInterval);
        control.Sample();
        Assert.Equal(0.0, control.AdmittedShare);
        Receive(Request("INVITE", "d", "d1"));
        Assert.Equal(2, Handled(SipMethod.Invite));

        // the calls complete; 8 calm samples inside the minimum duration grow the share to one half
        foreach (var tx in _handlers[SipMethod.Invite].Handled)
        {
            Assert.True(tx.SendResponse(200, "OK"u8, "t9"u8));
        }

        for (int i = 0; i < 8; i++)
        {
            _time.Advance(OverloadControl.SampleInterval);
            control.Sample();
        }

        Assert.True(control.IsOverloaded);
        Assert.Equal(0.5, control.AdmittedShare);
        for (int i = 0; i < 10; i++)
        {
            Receive(Request("REGISTER", "r" + i, "r" + i));
        }

        Assert.Equal(5, Handled(SipMethod.Register));

        // two INVITEs admitted by the share put the pending count back at its mark: the next one is refused exactly
        long before = control.Rejected;
        Receive(Request("INVITE", "e", "e1"));
        Receive(Request("INVITE", "f", "f1"));
        Receive(Request("INVITE", "g", "g1"));
        Receive(Request("INVITE", "h", "h1"));
        Receive(Request("INVITE", "i", "i1"));
        Assert.Equal(4, Handled(SipMethod.Invite));
        Assert.Equal(before + 3, control.Rejected);
    }

    [Fact]
    public void Invites_over_the_pending_mark_get_503_with_retry_after_and_calls_are_admitted_again_after_the_episode()
    {
        var control = Control(new PjsipOverload { DelayHighMs = 0, InvitesHigh = 2, InvitesLow = 1, MinDurationMs = 1000, RetryAfterSeconds = 7 });
        Receive(Request("INVITE", "a", "a1"));
        Receive(Request("INVITE", "b", "b1"));
        Assert.Equal(2, Handled(SipMethod.Invite));
        Assert.False(control.IsOverloaded);

        Receive(Request("INVITE", "c", "c1"));
        Assert.Equal(2, Handled(SipMethod.Invite));
        Assert.True(control.IsOverloaded);
        var refusal = Assert.Single(Sent503());
        Assert.Contains("\r\nRetry-After: 7\r\n", refusal, StringComparison.Ordinal);
        Assert.Contains("\r\nCall-ID: c\r\n", refusal, StringComparison.Ordinal);
        Assert.Matches(@"\r\nTo: <sip:100@127\.0\.0\.1>;tag=\w+\r\n", refusal);

        // the retransmitted INVITE gets the same 503 from its transaction and is not counted again; its ACK is absorbed
        Receive(Request("INVITE", "c", "c1"));
        Assert.Equal(2, Sent503().Count);
        Assert.Equal(1, control.Rejected);

        // other new requests of the refused methods get 503 too; OPTIONS is not refused by default
        Receive(Request("REGISTER", "r", "r1"));
        Receive(Request("MESSAGE", "m", "m1"));
        Receive(Request("OPTIONS", "o", "o1"));
        Assert.Equal(0, Handled(SipMethod.Register));
        Assert.Equal(0, Handled(SipMethod.Message));
        Assert.Equal(1, Handled(SipMethod.Options));
        Assert.Equal(3, control.Rejected);

        // in-dialog requests, CANCEL and ACK always pass
        Receive(Request("INVITE", "a", "a2", toTag: "t1"));
        Receive(Request("BYE", "b", "b2", toTag: "t2"));
        Receive(Request("CANCEL", "a", "a1", cseqMethod: "CANCEL"));
        Assert.Equal(3, Handled(SipMethod.Invite));
        Assert.Equal(1, Handled(SipMethod.Bye));
        Assert.Equal(1, Handled(SipMethod.Cancel));
        Assert.Equal(3, control.Rejected);

        // the calls being set up complete: still refusing until the minimum duration has passed
        foreach (var tx in _handlers[SipMethod.Invite].Handled)
        {
            Assert.True(tx.SendResponse(200, "OK"u8, "t9"u8));
        }

        Assert.Equal(0, _stack.Transactions.ProceedingInvites);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        control.Sample();
        Assert.True(control.IsOverloaded);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        control.Sample();
        Assert.False(control.IsOverloaded);

        Receive(Request("INVITE", "d", "d1"));
        Assert.Equal(4, Handled(SipMethod.Invite));
        Assert.Equal(1, control.Episodes);
        Assert.Equal(3, control.Rejected);

        // one line when the episode starts, one when it ends: not one per refused request
        var warnings = _log.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Text).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("Overload (pending INVITEs): refusing new requests with 503 Retry-After 7", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("Overload ended after 1.0 s: 3 requests refused", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Trigger_none_never_refuses_and_reload_can_switch_it_on()
    {
        var control = Control(new PjsipOverload { Trigger = "none", DelayHighMs = 0, InvitesHigh = 1 });
        for (int i = 0; i < 5; i++)
        {
            Receive(Request("INVITE", "n" + i, "n" + i));
        }

        Assert.Equal(5, Handled(SipMethod.Invite));
        Assert.Empty(Sent503());

        control.Configure(new PjsipOverload { DelayHighMs = 0, InvitesHigh = 5 });
        Receive(Request("INVITE", "x", "x1"));
        Assert.Equal(5, Handled(SipMethod.Invite));
        Assert.True(control.IsOverloaded);
        Assert.Single(Sent503());
    }

    [Fact]
    public void Methods_list_decides_what_is_refused()
    {
        var control = Control(new PjsipOverload { DelayHighMs = 0, InvitesHigh = 1, Methods = ["INVITE", "OPTIONS"] });
        Receive(Request("INVITE", "a", "a1"));
        Receive(Request("INVITE", "b", "b1"));
        Assert.True(control.IsOverloaded);
        Receive(Request("REGISTER", "r", "r1"));
        Receive(Request("OPTIONS", "o", "o1"));
        Assert.Equal(1, Handled(SipMethod.Register));
        Assert.Equal(0, Handled(SipMethod.Options));
        Assert.Equal(2, control.Rejected);
    }

    public void Dispose()
    {
        _stack.Overload?.Dispose();
        _wheel.Dispose();
    }
}
