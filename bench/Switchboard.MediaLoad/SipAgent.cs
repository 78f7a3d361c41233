using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.MediaLoad;

/// <summary>
/// The signalling side of the load: registers the callee, places <c>calls</c> INVITEs (digest-authenticated) to the
/// dialled extension and answers the PBX's INVITEs to the callee. Each leg's SDP names one of the generator's RTP
/// sockets; the PBX's ports come back in the SDP (caller side: the 200's answer; callee side: the PBX's offer).
/// </summary>
internal sealed class SipAgent : IDisposable
{
    private readonly IPEndPoint _pbx;
    private readonly Options _o;
    private readonly Socket _caller = Bound();
    private readonly Socket _callee = Bound();
    private readonly IPEndPoint[] _callerRtp;
    private readonly IPEndPoint[] _calleeRtp;
    private readonly ConcurrentDictionary<string, CallerCall> _calls = new();
    private readonly ConcurrentDictionary<string, string> _answered = new();
    private readonly List<IPEndPoint> _calleeTargets = [];
    private readonly CancellationTokenSource _stop = new();
    private int _calleeIndex;

    public SipAgent(Options options, IPEndPoint[] callerRtp, IPEndPoint[] calleeRtp)
    {
        _o = options;
        _pbx = options.Pbx;
        _callerRtp = callerRtp;
        _calleeRtp = calleeRtp;
    }

    /// <summary>The PBX's A-leg RTP address per call, in call order (null until answered).</summary>
    public IPEndPoint?[] CallerTargets { get; private set; } = [];

    public int CallerSocketOf(int call) => call % _callerRtp.Length;

    /// <summary>The PBX's B-leg RTP addresses, in the order the callee got the INVITEs.</summary>
    public IPEndPoint[] CalleeTargets()
    {
        lock (_calleeTargets)
        {
            return [.. _calleeTargets];
        }
    }

    public int CalleeSocketOf(int index) => index % _calleeRtp.Length;

    public int Failed => _calls.Values.Count(c => c.Failed);

    public void Register()
    {
        string callId = Guid.NewGuid().ToString("N");
        string uri = $"sip:{_pbx}";
        string? auth = null;
        for (int cseq = 1; cseq <= 3; cseq++)
        {
            var local = (IPEndPoint)_callee.LocalEndPoint!;
            string msg = $"REGISTER {uri} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
                $"From: <sip:{_o.CalleeUser}@{_pbx.Address}>;tag=reg\r\nTo: <sip:{_o.CalleeUser}@{_pbx.Address}>\r\nCall-ID: {callId}\r\n" +
                $"CSeq: {cseq} REGISTER\r\nContact: <sip:{_o.CalleeUser}@{local}>\r\nMax-Forwards: 70\r\nExpires: 3600\r\n" +
                (auth is null ? "" : $"Authorization: {auth}\r\n") + "Content-Length: 0\r\n\r\n";
            _callee.SendTo(Encoding.ASCII.GetBytes(msg), _pbx);
            var buf = new byte[8192];
            _callee.ReceiveTimeout = 5000;
            int n = _callee.Receive(buf);
            var rsp = SipMessage.Parse(Encoding.ASCII.GetString(buf, 0, n)) ?? throw new InvalidOperationException("bad REGISTER response");
            if (rsp.Status == 200)
            {
                return;
            }

            if (rsp.Status != 401)
            {
                throw new InvalidOperationException($"REGISTER: {rsp.FirstLine}");
            }

            auth = SipDigest.Answer(rsp.Header("WWW-Authenticate"), "REGISTER", uri, _o.CalleeUser, _o.CalleePassword);
        }

        throw new InvalidOperationException("REGISTER not accepted");
    }

    public void StartListeners()
    {
        _callee.ReceiveTimeout = 0;
        _caller.ReceiveTimeout = 0;
        new Thread(() => Listen(_callee, OnCalleeMessage)) { IsBackground = true, Name = "sip-callee" }.Start();
        new Thread(() => Listen(_caller, OnCallerMessage)) { IsBackground = true, Name = "sip-caller" }.Start();
    }

    /// <summary>Places the calls at <paramref name="rate"/> per second and waits until all are answered (or failed).</summary>
    public bool PlaceCalls(int count, int rate, TimeSpan timeout)
    {
        CallerTargets = new IPEndPoint?[count];
        var start = DateTime.UtcNow;
        for (int i = 0; i < count; i++)
        {
            var due = start + TimeSpan.FromSeconds((double)i / rate);
            var wait = due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }

            var call = new CallerCall(i, Guid.NewGuid().ToString("N"));
            _calls[call.CallId] = call;
            SendInvite(call, null, null);
        }

        var end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            int done = _calls.Values.Count(c => c.Answered || c.Failed);
            if (done == count && CalleeTargets().Length >= _calls.Values.Count(c => c.Answered))
            {
                break;
            }

            Thread.Sleep(100);
        }

        return _calls.Values.All(c => c.Answered);
    }

    public int Answered => _calls.Values.Count(c => c.Answered);

    /// <summary>Hangs every answered call up (BYE from the caller), paced.</summary>
    public void HangUp(int rate)
    {
        int i = 0;
        foreach (var call in _calls.Values.Where(c => c.Answered))
        {
            Send(_caller, Request(call, "BYE", call.Cseq + 1, null, null));
            if (++i % Math.Max(1, rate / 100) == 0)
            {
                Thread.Sleep(10);
            }
        }

        Thread.Sleep(500);
    }

    private string Uri => $"sip:{_o.Extension}@{_pbx}";

    private void SendInvite(CallerCall call, string? authHeader, string? auth)
    {
        call.Cseq = auth is null ? 1 : call.Cseq + 1;
        var rtp = _callerRtp[CallerSocketOf(call.Index)];
        string sdp = $"v=0\r\no=load {call.Index} 1 IN IP4 {rtp.Address}\r\ns=-\r\nc=IN IP4 {rtp.Address}\r\nt=0 0\r\n" +
            $"m=audio {rtp.Port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\na=sendrecv\r\n";
        Send(_caller, Request(call, "INVITE", call.Cseq, authHeader is null ? null : $"{authHeader}: {auth}", sdp));
    }

    private string Request(CallerCall call, string method, int cseq, string? extra, string? sdp)
    {
        var local = (IPEndPoint)_caller.LocalEndPoint!;
        string to = call.ToTag is null || method == "INVITE" ? $"<{Uri}>" : $"<{Uri}>;tag={call.ToTag}";
        return $"{method} {Uri} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
            $"From: <sip:{_o.CallerUser}@{_pbx.Address}>;tag=c{call.Index}\r\nTo: {to}\r\nCall-ID: {call.CallId}\r\n" +
            $"CSeq: {cseq} {method}\r\nContact: <sip:{_o.CallerUser}@{local}>\r\nMax-Forwards: 70\r\n" +
            (extra is null ? "" : extra + "\r\n") +
            (sdp is null ? "Content-Length: 0\r\n\r\n" : $"Content-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}");
    }

    private void OnCallerMessage(SipMessage m)
    {
        if (!m.IsResponse || !_calls.TryGetValue(m.Header("Call-ID"), out var call) || m.Method != "INVITE")
        {
            return;
        }

        int status = m.Status;
        if (status < 200)
        {
            return;
        }

        if (status >= 300)
        {
            // ACK the final response (same branch as the INVITE it answers).
            var local = (IPEndPoint)_caller.LocalEndPoint!;
            string ack = $"ACK {Uri} SIP/2.0\r\nVia: {m.Header("Via")}\r\nFrom: {m.Header("From")}\r\nTo: {m.Header("To")}\r\n" +
                $"Call-ID: {call.CallId}\r\nCSeq: {m.Header("CSeq").Split(' ')[0]} ACK\r\nContact: <sip:{_o.CallerUser}@{local}>\r\n" +
                "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
            Send(_caller, ack);
            if ((status == 401 || status == 407) && call.Cseq < 3)
            {
                string header = status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate";
                string answer = SipDigest.Answer(m.Header(header), "INVITE", Uri, _o.CallerUser, _o.CallerPassword);
                SendInvite(call, status == 401 ? "Authorization" : "Proxy-Authorization", answer);
            }
            else if (status != 401 && status != 407)
            {
                call.Failed = true;
                Console.Error.WriteLine($"call {call.Index}: {m.FirstLine}");
            }

            return;
        }

        string to = m.Header("To");
        int tag = to.IndexOf(";tag=", StringComparison.Ordinal);
        call.ToTag = tag < 0 ? "" : to[(tag + 5)..];
        Send(_caller, Request(call, "ACK", call.Cseq, null, null));
        if (!call.Answered)
        {
            CallerTargets[call.Index] = m.AudioEndPoint();
            call.Answered = CallerTargets[call.Index] is not null;
            call.Failed = !call.Answered;
        }
    }

    private void OnCalleeMessage(SipMessage m)
    {
        if (m.IsResponse)
        {
            return;
        }

        string method = m.Method;
        if (method == "ACK")
        {
            return;
        }

        if (method != "INVITE")
        {
            Send(_callee, Response(m, "200 OK", "", null));
            return;
        }

        string callId = m.Header("Call-ID");
        if (_answered.TryGetValue(callId, out string? again))
        {
            Send(_callee, again);
            return;
        }

        var target = m.AudioEndPoint();
        if (target is null)
        {
            Send(_callee, Response(m, "488 Not Acceptable Here", ";tag=b", null));
            return;
        }

        int index;
        lock (_calleeTargets)
        {
            index = _calleeIndex++;
            _calleeTargets.Add(target);
        }

        var rtp = _calleeRtp[CalleeSocketOf(index)];
        string sdp = $"v=0\r\no=callee {index} 1 IN IP4 {rtp.Address}\r\ns=-\r\nc=IN IP4 {rtp.Address}\r\nt=0 0\r\n" +
            $"m=audio {rtp.Port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\na=sendrecv\r\n";
        string ok = Response(m, "200 OK", $";tag=b{index}", sdp);
        _answered[callId] = ok;
        Send(_callee, ok);
    }

    private string Response(SipMessage request, string status, string toTag, string? sdp)
    {
        var sb = new StringBuilder($"SIP/2.0 {status}\r\n");
        foreach (string via in request.All("Via"))
        {
            sb.Append("Via: ").Append(via).Append("\r\n");
        }

        string to = request.Header("To");
        sb.Append("From: ").Append(request.Header("From")).Append("\r\n");
        sb.Append("To: ").Append(to.Contains(";tag=", StringComparison.Ordinal) ? to : to + toTag).Append("\r\n");
        sb.Append("Call-ID: ").Append(request.Header("Call-ID")).Append("\r\n");
        sb.Append("CSeq: ").Append(request.Header("CSeq")).Append("\r\n");
        sb.Append($"Contact: <sip:{_o.CalleeUser}@{_callee.LocalEndPoint}>\r\n");
        sb.Append(sdp is null ? "Content-Length: 0\r\n\r\n" : $"Content-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}");
        return sb.ToString();
    }

    private void Send(Socket socket, string text)
    {
        try
        {
            socket.SendTo(Encoding.ASCII.GetBytes(text), _pbx);
        }
        catch (SocketException ex)
        {
            Console.Error.WriteLine($"SIP send failed: {ex.SocketErrorCode}");
        }
    }

    private void Listen(Socket socket, Action<SipMessage> handler)
    {
        var buf = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            int n;
            try
            {
                n = socket.Receive(buf);
            }
            catch (SocketException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            var m = SipMessage.Parse(Encoding.ASCII.GetString(buf, 0, n));
            if (m is not null)
            {
                handler(m);
            }
        }
    }

    private static Socket Bound()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        s.ReceiveBufferSize = 4 << 20;
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return s;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _caller.Dispose();
        _callee.Dispose();
    }

    private sealed class CallerCall(int index, string callId)
    {
        public int Index { get; } = index;

        public string CallId { get; } = callId;

        public int Cseq { get; set; }

        public string? ToTag { get; set; }

        public volatile bool Answered;

        public volatile bool Failed;
    }
}
