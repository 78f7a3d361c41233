namespace Switchboard.Config;

/// <summary>Marker type for the Switchboard.Config assembly.</summary>
internal static class AssemblyMarker
{
}
