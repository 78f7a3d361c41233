namespace Switchboard.Core;

/// <summary>Marker type for the Switchboard.Core assembly.</summary>
internal static class AssemblyMarker
{
}
