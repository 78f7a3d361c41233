namespace Switchboard.Sdp;

/// <summary>Marker type for the Switchboard.Sdp assembly.</summary>
internal static class AssemblyMarker
{
}
