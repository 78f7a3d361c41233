using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// RFC 3261 §12: a dialog is identified by Call-ID, local tag and remote tag. Compared byte for byte. Ids made by
/// <see cref="TryFromIncomingRequest"/>/<see cref="TryFromIncomingResponse"/> slice the message (for lookups);
/// <see cref="Copy"/> gives one that owns its bytes.
/// </summary>
public readonly struct DialogId : IEquatable<DialogId>
{
    private readonly int _hash;

    /// <summary>Creates an id over the given bytes (not copied).</summary>
    public DialogId(ReadOnlyMemory<byte> callId, ReadOnlyMemory<byte> localTag, ReadOnlyMemory<byte> remoteTag)
    {
        CallId = callId;
        LocalTag = localTag;
        RemoteTag = remoteTag;
        var h = new HashCode();
        h.AddBytes(callId.Span);
        h.AddBytes(localTag.Span);
        h.AddBytes(remoteTag.Span);
        _hash = h.ToHashCode();
    }

    /// <summary>The Call-ID.</summary>
    public ReadOnlyMemory<byte> CallId { get; }

    /// <summary>Our tag (From tag of our requests, To tag of our responses).</summary>
    public ReadOnlyMemory<byte> LocalTag { get; }

    /// <summary>The peer's tag.</summary>
    public ReadOnlyMemory<byte> RemoteTag { get; }

    /// <summary>
    /// The id of the dialog an incoming request belongs to: local tag = To tag, remote tag = From tag. False when
    /// the request has no To tag (not in a dialog) or no From tag / Call-ID.
    /// </summary>
    public static bool TryFromIncomingRequest(SipMessage request, out DialogId id)
    {
        ArgumentNullException.ThrowIfNull(request);
        id = default;
        if (!request.TryGetTo(out var to) || !request.TryGetFrom(out var from) || to.Tag.IsEmpty || from.Tag.IsEmpty || request.CallId.IsEmpty)
        {
            return false;
        }

        id = new DialogId(request.CallId, to.Tag, from.Tag);
        return true;
    }

    /// <summary>The id of the dialog an incoming response belongs to: local tag = From tag, remote tag = To tag.</summary>
    public static bool TryFromIncomingResponse(SipMessage response, out DialogId id)
    {
        ArgumentNullException.ThrowIfNull(response);
        id = default;
        if (!response.TryGetTo(out var to) || !response.TryGetFrom(out var from) || to.Tag.IsEmpty || from.Tag.IsEmpty || response.CallId.IsEmpty)
        {
            return false;
        }

        id = new DialogId(response.CallId, from.Tag, to.Tag);
        return true;
    }

    /// <summary>An equal id that owns a copy of its bytes.</summary>
    public DialogId Copy()
    {
        byte[] all = new byte[CallId.Length + LocalTag.Length + RemoteTag.Length];
        CallId.Span.CopyTo(all);
        LocalTag.Span.CopyTo(all.AsSpan(CallId.Length));
        RemoteTag.Span.CopyTo(all.AsSpan(CallId.Length + LocalTag.Length));
        return new DialogId(all.AsMemory(0, CallId.Length), all.AsMemory(CallId.Length, LocalTag.Length), all.AsMemory(CallId.Length + LocalTag.Length));
    }

    /// <inheritdoc/>
    public bool Equals(DialogId other)
        => _hash == other._hash
            && CallId.Span.SequenceEqual(other.CallId.Span)
            && LocalTag.Span.SequenceEqual(other.LocalTag.Span)
            && RemoteTag.Span.SequenceEqual(other.RemoteTag.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DialogId d && Equals(d);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <summary><c>call-id;local=tag;remote=tag</c> for logs.</summary>
    public override string ToString()
        => $"{Encoding.UTF8.GetString(CallId.Span)};local={Encoding.UTF8.GetString(LocalTag.Span)};remote={Encoding.UTF8.GetString(RemoteTag.Span)}";

    /// <summary>Equality.</summary>
    public static bool operator ==(DialogId left, DialogId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(DialogId left, DialogId right) => !left.Equals(right);
}
