namespace Switchboard.Media;

/// <summary>Marker type for the Switchboard.Media assembly.</summary>
internal static class AssemblyMarker
{
}
