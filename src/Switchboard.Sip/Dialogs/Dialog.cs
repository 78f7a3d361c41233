using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// The state of one dialog (RFC 3261 §12): id, local/remote URI and party (From/To values with tags), sequence
/// numbers, remote target, route set, secure flag and early/confirmed/terminated. Builds in-dialog requests
/// (<see cref="WriteRequest(System.Buffers.IBufferWriter{byte}, SipMethod, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>)
/// and, as UAS, retransmits its 2xx until the ACK (§13.3.1.4). Not thread-safe: use it from the call's
/// serializer (the 2xx retransmission has its own lock and reports on the wheel thread).
/// </summary>
public sealed class Dialog
{
    private readonly List<byte[]> _routeSet = [];
    private byte[] _remoteTarget = [];
    private byte[]? _lastAck;
    private AnswerRetransmission? _answer;

    private Dialog(DialogId id, bool isUac, byte[] localParty, byte[] remoteParty)
    {
        Id = id;
        IsUac = isUac;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        LocalUri = UriOf(localParty);
        RemoteUri = UriOf(remoteParty);
    }

    /// <summary>Call-ID, local tag, remote tag (owns its bytes).</summary>
    public DialogId Id { get; }

    /// <summary>True when we sent the request that created the dialog.</summary>
    public bool IsUac { get; }

    /// <summary>Early, confirmed or terminated.</summary>
    public DialogState State { get; private set; }

    /// <summary>RFC 3261 §12.1: the creating request went over TLS with a SIPS Request-URI.</summary>
    public bool IsSecure { get; private set; }

    /// <summary>The From value of our requests (name-addr with our tag).</summary>
    public ReadOnlyMemory<byte> LocalParty { get; }

    /// <summary>The To value of our requests (name-addr with the peer's tag).</summary>
    public ReadOnlyMemory<byte> RemoteParty { get; }

    /// <summary>Local URI (from <see cref="LocalParty"/>).</summary>
    public ReadOnlyMemory<byte> LocalUri { get; }

    /// <summary>Remote URI (from <see cref="RemoteParty"/>).</summary>
    public ReadOnlyMemory<byte> RemoteUri { get; }

    /// <summary>The peer's Contact URI: the Request-URI of our in-dialog requests (empty until known).</summary>
    public ReadOnlyMemory<byte> RemoteTarget => _remoteTarget;

    /// <summary>Number of entries in the route set.</summary>
    public int RouteCount => _routeSet.Count;

    /// <summary>True when a local sequence number is set (a UAS dialog has none until its first request).</summary>
    public bool HasLocalSequence { get; private set; }

    /// <summary>The CSeq number of the last request we sent in the dialog.</summary>
    public uint LocalSequence { get; private set; }

    /// <summary>True when a remote sequence number is set.</summary>
    public bool HasRemoteSequence { get; private set; }

    /// <summary>The highest CSeq number received from the peer in the dialog.</summary>
    public uint RemoteSequence { get; private set; }

    /// <summary>The CSeq number of the last INVITE we sent (the ACK for its 2xx reuses it).</summary>
    public uint InviteSequence { get; private set; }

    /// <summary>True while a 2xx is being retransmitted waiting for its ACK.</summary>
    public bool IsAwaitingAck => _answer?.IsActive == true;

    /// <summary>The last ACK we sent for a 2xx (to re-send on a retransmitted 2xx); empty when none.</summary>
    public ReadOnlyMemory<byte> LastAck => _lastAck;

    /// <summary>Optional observer (ACK timeout).</summary>
    public IDialogUser? User { get; set; }

    /// <summary>Free slot for the TU.</summary>
    public object? UserState { get; set; }

    /// <summary>Route set entry <paramref name="index"/> (a name-addr, e.g. <c>&lt;sip:p1.example.com;lr&gt;</c>).</summary>
    public ReadOnlyMemory<byte> GetRoute(int index) => _routeSet[index];

    /// <summary>
    /// UAS side (§12.1.1): a dialog from a received request (INVITE, SUBSCRIBE...) and the To tag we put in our
    /// response. Route set = Record-Route in order; remote target = Contact; remote sequence = CSeq; local
    /// sequence empty. The dialog starts <see cref="DialogState.Early"/> unless <paramref name="confirmed"/>
    /// (answering with 2xx); call <see cref="Confirm"/> when the 2xx goes out.
    /// </summary>
    public static Dialog CreateUas(SipMessage request, ReadOnlySpan<byte> localTag, bool overTls = false, bool confirmed = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest || localTag.IsEmpty)
        {
            throw new ArgumentException("A request and a local tag are required.", nameof(request));
        }

        if (!request.TryGetFrom(out SipNameAddr from) || !request.TryGetTo(out SipNameAddr to) || request.CallId.IsEmpty
            || !request.TryGetCSeq(out SipCSeq cseq))
        {
            throw new ArgumentException("The request lacks From, To, Call-ID or CSeq.", nameof(request));
        }

        byte[] localParty = to.Tag.IsEmpty ? Concat(to.Raw.Span, ";tag="u8, localTag) : to.Raw.ToArray();
        var id = new DialogId(request.CallId, localTag.ToArray(), from.Tag).Copy();
        var dialog = new Dialog(id, isUac: false, localParty, from.Raw.ToArray())
        {
            State = confirmed ? DialogState.Confirmed : DialogState.Early,
            HasRemoteSequence = true,
            RemoteSequence = cseq.Number,
            IsSecure = overTls && IsSips(request.RequestUri),
        };
        dialog.SetRouteSet(request, reverse: false);
        dialog.UpdateRemoteTarget(request);
        return dialog;
    }

    /// <summary>
    /// UAC side (§12.1.2): a dialog from the request we sent and a response with a To tag (101-199 = early,
    /// 2xx = confirmed). Route set = Record-Route reversed; remote target = Contact; local sequence = the
    /// request's CSeq. Returns false when the response has no To tag or is not 101-299. With forking, each
    /// To tag makes its own dialog.
    /// </summary>
    public static bool TryCreateUac(SipMessage request, SipMessage response, out Dialog? dialog, bool overTls = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        dialog = null;
        if (response.StatusCode is <= 100 or >= 300 || !request.TryGetFrom(out SipNameAddr from) || from.Tag.IsEmpty
            || !response.TryGetTo(out SipNameAddr to) || to.Tag.IsEmpty || !request.TryGetCSeq(out SipCSeq cseq)
            || request.CallId.IsEmpty)
        {
            return false;
        }

        var id = new DialogId(request.CallId, from.Tag, to.Tag).Copy();
        dialog = new Dialog(id, isUac: true, from.Raw.ToArray(), to.Raw.ToArray())
        {
            State = response.StatusCode < 200 ? DialogState.Early : DialogState.Confirmed,
            HasLocalSequence = true,
            LocalSequence = cseq.Number,
            InviteSequence = request.Method == SipMethod.Invite ? cseq.Number : 0,
            IsSecure = overTls && IsSips(request.RequestUri),
        };
        dialog.SetRouteSet(response, reverse: true);
        dialog.UpdateRemoteTarget(response);
        return true;
    }

    /// <summary>UAS: the 2xx was sent; the dialog is confirmed.</summary>
    public void Confirm()
    {
        if (State == DialogState.Early)
        {
            State = DialogState.Confirmed;
        }
    }

    /// <summary>Ends the dialog and stops any 2xx retransmission.</summary>
    public void Terminate()
    {
        State = DialogState.Terminated;
        _answer?.Stop();
    }

    /// <summary>
    /// An incoming in-dialog request (§12.2.2): false when its CSeq is lower than the remote sequence (answer 500);
    /// otherwise the remote sequence is updated and, for target refresh requests (INVITE, UPDATE, SUBSCRIBE,
    /// NOTIFY, REFER), the remote target follows the Contact. ACK and CANCEL leave the sequence alone.
    /// </summary>
    public bool TryAcceptRequest(SipMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method is SipMethod.Ack or SipMethod.Cancel)
        {
            return true;
        }

        if (!request.TryGetCSeq(out SipCSeq cseq) || (HasRemoteSequence && cseq.Number < RemoteSequence))
        {
            return false;
        }

        HasRemoteSequence = true;
        RemoteSequence = cseq.Number;
        if (IsTargetRefresh(request.Method))
        {
            UpdateRemoteTarget(request);
        }

        return true;
    }

    /// <summary>
    /// UAC: a response to a request we sent in this dialog. For INVITE: a 2xx confirms an early dialog and
    /// recomputes its route set (§12.1.2); a non-2xx final ends an early dialog; 1xx/2xx update the remote target
    /// from Contact. A 2xx to another target refresh request updates the remote target too.
    /// </summary>
    public void ApplyResponse(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.TryGetCSeq(out SipCSeq cseq))
        {
            return;
        }

        int status = response.StatusCode;
        if (cseq.Method == SipMethod.Invite)
        {
            if (status >= 300)
            {
                if (State == DialogState.Early)
                {
                    State = DialogState.Terminated;
                }

                return;
            }

            if (status >= 200 && State == DialogState.Early)
            {
                SetRouteSet(response, reverse: IsUac);
                State = DialogState.Confirmed;
            }

            if (status > 100)
            {
                UpdateRemoteTarget(response);
            }

            return;
        }

        if (status is >= 200 and < 300 && IsTargetRefresh(cseq.Method))
        {
            UpdateRemoteTarget(response);
        }
    }

    /// <summary>The next local CSeq number (picks a random start for a UAS dialog's first request, §8.1.1.5).</summary>
    public uint NextLocalSequence()
    {
        if (!HasLocalSequence)
        {
            HasLocalSequence = true;
            LocalSequence = (uint)Random.Shared.Next(1, 1 << 20);
            return LocalSequence;
        }

        return ++LocalSequence;
    }

    /// <summary>
    /// Writes the start of an in-dialog request (§12.2.1.1): Request-URI and Route headers per loose/strict routing,
    /// <c>Via: SIP/2.0/{transport} {sentBy};rport;branch=</c> a new branch, Max-Forwards 70, From, To, Call-ID, CSeq
    /// (a new local sequence number; ACK reuses <see cref="InviteSequence"/>; INVITE sets it). Add Contact (needed for
    /// INVITE/UPDATE/SUBSCRIBE/NOTIFY/REFER), other headers, then <see cref="SipMessageWriter.WriteBody(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
    /// or <see cref="SipMessageWriter.WriteEnd"/>. CANCEL is not built here (use <see cref="ClientTransaction.Cancel"/>).
    /// </summary>
    public SipMessageWriter WriteRequest(System.Buffers.IBufferWriter<byte> output, SipMethod method, ReadOnlySpan<byte> viaTransport, ReadOnlySpan<byte> viaSentBy)
    {
        if (method == SipMethod.Unknown)
        {
            throw new ArgumentException("Use the byte overload for extension methods.", nameof(method));
        }

        return WriteRequest(output, SipMethods.ToBytes(method), viaTransport, viaSentBy);
    }

    /// <summary>Byte-method form of <see cref="WriteRequest(System.Buffers.IBufferWriter{byte}, SipMethod, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.</summary>
    public SipMessageWriter WriteRequest(System.Buffers.IBufferWriter<byte> output, ReadOnlySpan<byte> method, ReadOnlySpan<byte> viaTransport, ReadOnlySpan<byte> viaSentBy)
    {
        ArgumentNullException.ThrowIfNull(output);
        SipMethod known = SipMethods.Parse(method);
        uint cseq;
        if (known == SipMethod.Ack)
        {
            if (InviteSequence == 0)
            {
                throw new InvalidOperationException("No INVITE was sent in this dialog.");
            }

            cseq = InviteSequence;
        }
        else if (known == SipMethod.Cancel)
        {
            throw new InvalidOperationException("CANCEL is built by the INVITE client transaction.");
        }
        else
        {
            cseq = NextLocalSequence();
            if (known == SipMethod.Invite)
            {
                InviteSequence = cseq;
            }
        }

        if (_remoteTarget.Length == 0)
        {
            throw new InvalidOperationException("The dialog has no remote target (no Contact seen).");
        }

        return DialogRequestWriter.Write(output, this, method, cseq, viaTransport, viaSentBy);
    }

    /// <summary>
    /// The URI to resolve to find where in-dialog requests go: the first route when there is a route set
    /// (loose or strict), else the remote target.
    /// </summary>
    public ReadOnlyMemory<byte> NextHopUri
    {
        get
        {
            if (_routeSet.Count == 0)
            {
                return _remoteTarget;
            }

            return SipNameAddr.TryParse(_routeSet[0], out SipNameAddr na) ? na.Uri : _routeSet[0];
        }
    }

    /// <summary>Keeps a copy of the ACK sent for a 2xx (see <see cref="LastAck"/>).</summary>
    public void SetLastAck(ReadOnlySpan<byte> ack) => _lastAck = ack.ToArray();

    /// <summary>
    /// UAS: the 2xx to an INVITE was sent (through its server transaction); re-send it on unreliable transports at
    /// T1 doubling to T2 until <see cref="OnAck"/>, giving up after 64*T1 with <see cref="IDialogUser.OnAckNotReceived"/>.
    /// Replaces an earlier retransmission of this dialog.
    /// </summary>
    public void StartAnswerRetransmission(TransactionLayer layer, ReadOnlySpan<byte> response, in SipPeer peer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!TryReadCSeqNumber(response, out uint cseq))
        {
            throw new ArgumentException("The response has no CSeq.", nameof(response));
        }

        _answer?.Stop();
        _answer = new AnswerRetransmission(this, layer, response, peer, cseq);
        _answer.Start();
    }

    /// <summary>An ACK arrived in this dialog: stops the 2xx retransmission it acknowledges. True when it did.</summary>
    public bool OnAck(SipMessage ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        return ack.TryGetCSeq(out SipCSeq cseq) && _answer is { } a && a.CSeq == cseq.Number && a.Stop();
    }

    internal IReadOnlyList<byte[]> RouteSet => _routeSet;

    private void SetRouteSet(SipMessage message, bool reverse)
    {
        _routeSet.Clear();
        foreach (ReadOnlyMemory<byte> v in message.GetValues(SipHeaderId.RecordRoute))
        {
            if (!v.IsEmpty)
            {
                _routeSet.Add(v.ToArray());
            }
        }

        if (reverse)
        {
            _routeSet.Reverse();
        }
    }

    private void UpdateRemoteTarget(SipMessage message)
    {
        SipHeaderValues contacts = message.GetValues(SipHeaderId.Contact);
        if (contacts.MoveNext() && SipNameAddr.TryParse(contacts.Current, out SipNameAddr contact) && !contact.IsWildcard)
        {
            _remoteTarget = contact.Uri.ToArray();
        }
    }

    private static bool IsTargetRefresh(SipMethod method)
        => method is SipMethod.Invite or SipMethod.Update or SipMethod.Subscribe or SipMethod.Notify or SipMethod.Refer;

    private static bool IsSips(ReadOnlyMemory<byte> uri) => SipUri.TryParse(uri, out SipUri u) && u.Scheme == SipUriScheme.Sips;

    private static ReadOnlyMemory<byte> UriOf(byte[] party) => SipNameAddr.TryParse(party, out SipNameAddr na) ? na.Uri : party;

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        byte[] r = new byte[a.Length + b.Length + c.Length];
        a.CopyTo(r);
        b.CopyTo(r.AsSpan(a.Length));
        c.CopyTo(r.AsSpan(a.Length + b.Length));
        return r;
    }

    private static bool TryReadCSeqNumber(ReadOnlySpan<byte> response, out uint number)
    {
        byte[] copy = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(response.Length, 1));
        try
        {
            response.CopyTo(copy);
            number = 0;
            if (!SipMessageParser.TryParse(copy.AsMemory(0, response.Length), out SipMessage? m, out _))
            {
                return false;
            }

            using (m)
            {
                bool ok = m.TryGetCSeq(out SipCSeq cseq);
                number = cseq.Number;
                return ok;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
