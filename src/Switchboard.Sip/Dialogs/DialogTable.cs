using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Dialogs;

/// <summary>Dialogs by <see cref="DialogId"/>, for routing in-dialog requests and responses. Thread-safe.</summary>
public sealed class DialogTable
{
    private readonly Dictionary<DialogId, Dialog> _dialogs = new();
    private readonly Lock _gate = new();

    /// <summary>Number of dialogs.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _dialogs.Count;
            }
        }
    }

    /// <summary>Adds a dialog; false when one with the same id exists.</summary>
    public bool TryAdd(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        lock (_gate)
        {
            return _dialogs.TryAdd(dialog.Id, dialog);
        }
    }

    /// <summary>Removes the dialog (if it is the one registered under its id).</summary>
    public bool Remove(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        lock (_gate)
        {
            return _dialogs.TryGetValue(dialog.Id, out Dialog? held) && ReferenceEquals(held, dialog) && _dialogs.Remove(dialog.Id);
        }
    }

    /// <summary>The dialog with <paramref name="id"/>, or null.</summary>
    public Dialog? Find(in DialogId id)
    {
        lock (_gate)
        {
            return _dialogs.TryGetValue(id, out Dialog? d) ? d : null;
        }
    }

    /// <summary>The dialog an incoming request belongs to (local tag = To tag, remote tag = From tag), or null.</summary>
    public Dialog? FindForIncomingRequest(SipMessage request)
        => DialogId.TryFromIncomingRequest(request, out DialogId id) ? Find(id) : null;

    /// <summary>The dialog an incoming response belongs to (local tag = From tag, remote tag = To tag), or null.</summary>
    public Dialog? FindForIncomingResponse(SipMessage response)
        => DialogId.TryFromIncomingResponse(response, out DialogId id) ? Find(id) : null;

    /// <summary>
    /// All dialogs with this Call-ID and local tag (the early dialogs of one forked INVITE, and the confirmed one).
    /// Walks the table: for fork clean-up, not for per-message routing.
    /// </summary>
    public List<Dialog> FindByLocalTag(ReadOnlySpan<byte> callId, ReadOnlySpan<byte> localTag)
    {
        var result = new List<Dialog>();
        lock (_gate)
        {
            foreach (KeyValuePair<DialogId, Dialog> pair in _dialogs)
            {
                if (pair.Key.CallId.Span.SequenceEqual(callId) && pair.Key.LocalTag.Span.SequenceEqual(localTag))
                {
                    result.Add(pair.Value);
                }
            }
        }

        return result;
    }
}
