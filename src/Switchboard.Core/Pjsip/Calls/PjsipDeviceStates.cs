using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// Device states of <c>PJSIP/endpoint</c> as Asterisk derives them: INVALID for unknown endpoints, UNAVAILABLE with no
/// contact, INUSE/RINGING/BUSY from the endpoint's live channels, NOT_INUSE otherwise.
/// </summary>
internal sealed class PjsipDeviceStates(CallEnvironment env) : IDeviceStateProvider
{
    public string GetDeviceState(string device)
    {
        int slash = device.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !device[..slash].Equals("PJSIP", StringComparison.OrdinalIgnoreCase))
        {
            return "UNKNOWN";
        }

        var name = device[(slash + 1)..];
        var endpoint = env.Runtime.Endpoint(name);
        if (endpoint is null)
        {
            return "INVALID";
        }

        bool ringing = false;
        int inUse = 0;
        foreach (var channel in env.Channels.Snapshot())
        {
            if (channel.IsHungUp || !channel.Resource.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (channel.State == ChannelState.Ringing || channel.State == ChannelState.Ring)
            {
                ringing = true;
            }
            else
            {
                inUse++;
            }
        }

        if (endpoint.DeviceStateBusyAt > 0 && inUse >= endpoint.DeviceStateBusyAt)
        {
            return "BUSY";
        }

        if (inUse > 0)
        {
            return ringing ? "RINGINUSE" : "INUSE";
        }

        if (ringing)
        {
            return "RINGING";
        }

        foreach (var aor in endpoint.Aors)
        {
            if (env.Location.GetContacts(aor).Count > 0 || (env.Runtime.Aor(aor)?.Contacts.Count ?? 0) > 0)
            {
                return "NOT_INUSE";
            }
        }

        return "UNAVAILABLE";
    }
}
