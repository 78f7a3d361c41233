namespace Switchboard.WebSms;

/// <summary>Marker type for the Switchboard.WebSms assembly.</summary>
internal static class AssemblyMarker
{
}
