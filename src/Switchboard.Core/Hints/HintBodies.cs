using System.Globalization;
using System.Security;
using Switchboard.Dialplan.Model;

namespace Switchboard.Core.Hints;

/// <summary>
/// NOTIFY bodies for a hint's state: application/dialog-info+xml (RFC 4235: terminated when idle or unavailable,
/// early when ringing, confirmed when in use, busy or on hold) and application/pidf+xml (open unless unavailable).
/// </summary>
public static class HintBodies
{
    public const string DialogInfoType = "application/dialog-info+xml";

    public const string PidfType = "application/pidf+xml";

    /// <summary>The RFC 4235 dialog state for an Asterisk device state.</summary>
    public static string DialogState(string deviceState) => deviceState switch
    {
        DeviceStates.Ringing => "early",
        DeviceStates.InUse or DeviceStates.Busy or DeviceStates.OnHold or DeviceStates.RingInUse => "confirmed",
        _ => "terminated",
    };

    public static string DialogInfo(string exten, string host, string deviceState, int version)
    {
        var entity = SecurityElement.Escape("sip:" + exten + "@" + host);
        var id = SecurityElement.Escape(exten);
        var state = DialogState(deviceState);
        var direction = state == "early" ? " direction=\"recipient\"" : string.Empty;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"" + version.ToString(CultureInfo.InvariantCulture) + "\" state=\"full\" entity=\"" + entity + "\">\n"
            + " <dialog id=\"" + id + "\"" + direction + ">\n"
            + "  <state>" + state + "</state>\n"
            + " </dialog>\n"
            + "</dialog-info>\n";
    }

    public static string Pidf(string exten, string host, string deviceState)
    {
        var entity = SecurityElement.Escape("sip:" + exten + "@" + host);
        var basic = deviceState is DeviceStates.Unavailable or DeviceStates.Invalid ? "closed" : "open";
        var note = DeviceStates.ToExtensionStateText(deviceState);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">\n"
            + " <tuple id=\"" + SecurityElement.Escape(exten) + "\">\n"
            + "  <status><basic>" + basic + "</basic></status>\n"
            + " </tuple>\n"
            + " <note>" + SecurityElement.Escape(note) + "</note>\n"
            + "</presence>\n";
    }
}
