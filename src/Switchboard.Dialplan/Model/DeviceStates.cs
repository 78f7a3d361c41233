namespace Switchboard.Dialplan.Model;

/// <summary>
/// Asterisk's device-state vocabulary and the rules that turn the states of a hint's devices into one
/// extension state (what <c>core show hints</c> and BLF report).
/// </summary>
public static class DeviceStates
{
    /// <summary>Device state names.</summary>
    public const string Unknown = "UNKNOWN", NotInUse = "NOT_INUSE", InUse = "INUSE", Busy = "BUSY", Invalid = "INVALID",
        Unavailable = "UNAVAILABLE", Ringing = "RINGING", RingInUse = "RINGINUSE", OnHold = "ONHOLD";

    /// <summary>Combines the states of several devices (e.g. <c>PJSIP/alice&amp;PJSIP/bob</c>) into one, as Asterisk aggregates them.</summary>
    public static string Aggregate(IEnumerable<string> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        bool allUnknown = true, allUnavailable = true, allBusy = true, allFree = true;
        bool inUse = false, ring = false, busy = false, onHold = false, any = false;
        foreach (var raw in states)
        {
            any = true;
            switch (raw.ToUpperInvariant())
            {
                case NotInUse:
                    allUnknown = allUnavailable = allBusy = false;
                    break;
                case InUse:
                    inUse = true;
                    allUnavailable = allFree = allUnknown = false;
                    break;
                case Ringing:
                    ring = true;
                    allUnavailable = allFree = allUnknown = false;
                    break;
                case RingInUse:
                    inUse = ring = true;
                    allUnavailable = allFree = allUnknown = false;
                    break;
                case OnHold:
                    onHold = true;
                    allUnknown = allUnavailable = allFree = false;
                    break;
                case Busy:
                    busy = inUse = true;
                    allUnknown = allUnavailable = allFree = false;
                    break;
                case Unavailable:
                    allUnknown = false;
                    allBusy = allFree = false;
                    break;
                case Invalid:
                    allBusy = allFree = false;
                    break;
                default:
                    allBusy = allFree = false;
                    break;
            }
        }

        if (!any)
        {
            return Invalid;
        }

        if (allFree)
        {
            return NotInUse;
        }

        if ((inUse || onHold) && ring)
        {
            return RingInUse;
        }

        if (ring)
        {
            return Ringing;
        }

        if (busy)
        {
            return Busy;
        }

        if (inUse)
        {
            return InUse;
        }

        if (onHold)
        {
            return OnHold;
        }

        if (allBusy)
        {
            return Busy;
        }

        if (allUnknown)
        {
            return Unknown;
        }

        return allUnavailable ? Unavailable : NotInUse;
    }

    /// <summary>The extension-state text <c>core show hints</c> prints for a device state (Idle, InUse, Busy, Unavailable, Ringing, InUse&amp;Ringing, Hold).</summary>
    public static string ToExtensionStateText(string deviceState)
    {
        ArgumentNullException.ThrowIfNull(deviceState);
        return deviceState.ToUpperInvariant() switch
        {
            NotInUse or Unknown => "Idle",
            InUse => "InUse",
            Busy => "Busy",
            Unavailable or Invalid => "Unavailable",
            Ringing => "Ringing",
            RingInUse => "InUse&Ringing",
            OnHold => "Hold",
            _ => "Unknown",
        };
    }
}
