namespace Switchboard.Sip;

/// <summary>Marker type for the Switchboard.Sip assembly.</summary>
internal static class AssemblyMarker
{
}
