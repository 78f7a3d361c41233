namespace Switchboard.Manager;

/// <summary>Marker type for the Switchboard.Manager assembly.</summary>
internal static class AssemblyMarker
{
}
