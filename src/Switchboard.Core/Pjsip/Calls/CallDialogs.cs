using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>The dialogs of all calls with the leg owning each; thread-safe wrapper around <see cref="DialogTable"/>.</summary>
internal sealed class CallDialogs
{
    private readonly DialogTable _table = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _table.Count;
            }
        }
    }

    public void Add(Dialog dialog, ICallLeg leg)
    {
        dialog.UserState = leg;
        lock (_gate)
        {
            _table.TryAdd(dialog);
        }
    }

    public void Remove(Dialog dialog)
    {
        lock (_gate)
        {
            _table.Remove(dialog);
        }
    }

    public ICallLeg? FindForRequest(SipMessage request)
    {
        lock (_gate)
        {
            return _table.FindForIncomingRequest(request)?.UserState as ICallLeg;
        }
    }
}
