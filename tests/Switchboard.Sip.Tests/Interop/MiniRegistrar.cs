using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Validation;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>
/// Test scaffolding: a UDP responder on 127.0.0.1 built only from the message layer (parser, validator, response
/// factory, digest) so a real peer (SIPp) can exercise it. Not the product registrar.
/// </summary>
internal sealed class MiniRegistrar : IAsyncDisposable, IDigestSecretStore
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly DigestNonceManager _nonces = new(TimeProvider.System, TimeSpan.FromSeconds(30));
    private readonly DigestVerifier _verifier;
    private readonly RequestValidator _validator = new(RequestValidationPolicy.Default);
    private readonly Task _loop;

    public MiniRegistrar(int port)
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        _verifier = new DigestVerifier(_nonces);
        _loop = Task.Run(RunAsync);
    }

    public int Registered;
    public int Challenged;
    public int Rejected;

    public bool TryGetSecret(ReadOnlySpan<byte> username, ReadOnlySpan<byte> realm, out DigestSecret secret)
    {
        secret = DigestSecret.FromPassword("secret"u8.ToArray());
        return username.SequenceEqual("alice"u8);
    }

    private async Task RunAsync()
    {
        byte[] buffer = new byte[65536];
        using PooledBufferWriter output = new();
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult r;
            try
            {
                r = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            IPEndPoint from = (IPEndPoint)r.RemoteEndPoint;
            output.Clear();
            if (Handle(buffer.AsMemory(0, r.ReceivedBytes), from, output))
            {
                await _socket.SendToAsync(output.WrittenMemory, SocketFlags.None, from);
            }
        }
    }

    private bool Handle(ReadOnlyMemory<byte> data, IPEndPoint from, PooledBufferWriter output)
    {
        if (!SipMessageParser.TryParse(data, out SipMessage? m, out _))
        {
            return SipResponseBuilder.TryWriteErrorResponse(data.Span, 400, "Bad Request"u8, output);
        }

        using (m)
        {
            if (!m.IsRequest || m.Method == SipMethod.Ack)
            {
                return false;
            }

            m.SetRemote(from.Address, from.Port);
            SipValidationResult v = _validator.Validate(m);
            if (!v.IsOk)
            {
                SipResponseFactory.Begin(output, m, v.StatusCode, System.Text.Encoding.ASCII.GetBytes(v.Reason), "srv"u8).WriteEnd();
                return true;
            }

            if (m.Method != SipMethod.Register)
            {
                SipMessageWriter ok = SipResponseFactory.Begin(output, m, 200, "OK"u8, "srv"u8);
                _validator.WriteAllow(ok);
                ok.WriteEnd();
                return true;
            }

            DigestVerificationResult result = DigestVerificationResult.Malformed;
            if (m.TryGetHeader(SipHeaderId.Authorization, out ReadOnlyMemory<byte> auth) && DigestCredentials.TryParse(auth, out DigestCredentials creds))
            {
                result = _verifier.Verify(creds, m.MethodBytes.Span, "switchboard"u8, this, m.RequestUri.Span);
            }

            if (result == DigestVerificationResult.Ok)
            {
                Interlocked.Increment(ref Registered);
                SipMessageWriter ok = SipResponseFactory.Begin(output, m, 200, "OK"u8, "srv"u8);
                SipResponseFactory.CopyAll(ok, m, SipHeaderId.Contact);
                ok.WriteHeader(SipHeaderId.Expires, 60);
                ok.WriteEnd();
                return true;
            }

            Interlocked.Increment(ref m.IndexOf(SipHeaderId.Authorization) < 0 ? ref Challenged : ref Rejected);
            Span<byte> nonce = stackalloc byte[DigestNonceManager.NonceLength];
            _nonces.WriteNonce(nonce);
            SipMessageWriter w = SipResponseFactory.Begin(output, m, 401, "Unauthorized"u8, "srv"u8);
            DigestChallengeWriter.Write(w, proxy: false, "switchboard"u8, DigestAlgorithm.Md5, nonce, stale: result == DigestVerificationResult.Stale);
            w.WriteEnd();
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
    }
}
