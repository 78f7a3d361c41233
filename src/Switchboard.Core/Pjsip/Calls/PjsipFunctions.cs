using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>Registers the PJSIP dialplan functions and the device-state provider.</summary>
internal static class PjsipFunctions
{
    public static void Register(CallEnvironment env, DialplanEngine dialplan)
    {
        dialplan.Functions.Register(new PjsipDialContactsFunction(env));
        dialplan.Functions.Register(new PjsipEndpointFunction(env));
        dialplan.DeviceStates ??= new PjsipDeviceStates(env);
    }
}
