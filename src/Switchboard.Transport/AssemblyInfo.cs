namespace Switchboard.Transport;

/// <summary>Marker type for the Switchboard.Transport assembly.</summary>
internal static class AssemblyMarker
{
}
