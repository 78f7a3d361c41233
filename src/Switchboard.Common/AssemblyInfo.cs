namespace Switchboard.Common;

/// <summary>Marker type for the Switchboard.Common assembly.</summary>
internal static class AssemblyMarker
{
}
