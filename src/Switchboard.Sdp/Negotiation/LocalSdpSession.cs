using System.Net;
using System.Net.Sockets;
using Switchboard.Sdp.Writing;

namespace Switchboard.Sdp.Negotiation;

/// <summary>
/// Our side of one SDP session (one dialog): the o= username, session id and version. Every body we send goes
/// through <see cref="Stamp"/>, which keeps the id and increments the version when the body differs from the
/// previous one we sent (RFC 3264 §8: a changed body gets version + 1; an identical one may keep its version).
/// </summary>
public sealed class LocalSdpSession
{
    private string? _lastBodyWithoutOrigin;

    public LocalSdpSession(ulong sessionId, string username = "-", string sessionName = "Switchboard")
    {
        SessionId = sessionId;
        Version = sessionId;
        Username = username;
        SessionName = sessionName;
    }

    public ulong SessionId { get; }

    /// <summary>The version of the last stamped body.</summary>
    public ulong Version { get; private set; }

    public string Username { get; }

    public string SessionName { get; }

    /// <summary>Number of bodies stamped so far.</summary>
    public int Count { get; private set; }

    /// <summary>Creates a session with a random id (as Asterisk does).</summary>
    public static LocalSdpSession CreateRandom(string sessionName = "Switchboard") =>
        new((ulong)Random.Shared.NextInt64(1, int.MaxValue), "-", sessionName);

    /// <summary>Sets o= and s= on <paramref name="sdp"/>, incrementing the version when the content changed.</summary>
    public void Stamp(SessionDescription sdp, IPAddress originAddress)
    {
        ArgumentNullException.ThrowIfNull(sdp);
        ArgumentNullException.ThrowIfNull(originAddress);
        sdp.SessionName = SessionName;
        sdp.Origin = new SdpOrigin
        {
            Username = Username,
            SessionId = SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SessionVersion = 0,
            NetworkType = "IN",
            AddressType = originAddress.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4",
            Address = originAddress.ToString(),
        };

        string body = SdpWriter.ToText(sdp);
        if (Count > 0 && !string.Equals(body, _lastBodyWithoutOrigin, StringComparison.Ordinal))
        {
            Version++;
        }

        _lastBodyWithoutOrigin = body;
        Count++;
        sdp.Origin.SessionVersion = Version;
    }
}
