namespace Switchboard.Dialplan.Execution;

/// <summary>
/// Device states for DEVICE_STATE() and hints, named as Asterisk names them: UNKNOWN, NOT_INUSE, INUSE, BUSY,
/// INVALID, UNAVAILABLE, RINGING, RINGINUSE, ONHOLD. Core implements it from contacts and calls.
/// </summary>
public interface IDeviceStateProvider
{
    /// <summary>The state of one device such as <c>PJSIP/alice</c>.</summary>
    string GetDeviceState(string device);
}
