using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>DEVICE_STATE(device): UNKNOWN, NOT_INUSE, INUSE, BUSY, INVALID, UNAVAILABLE, RINGING, RINGINUSE or ONHOLD.</summary>
internal sealed class DeviceStateFunction : DialplanFunction
{
    public override string Name => "DEVICE_STATE";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var device = args.Trim();
        if (device.Length == 0)
        {
            return FunctionResult.Fail("DEVICE_STATE function requires an argument");
        }

        return FunctionResult.Ok(context.Engine.DeviceStates?.GetDeviceState(device) ?? "UNKNOWN");
    }
}
