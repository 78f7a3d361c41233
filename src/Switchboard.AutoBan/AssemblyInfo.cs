namespace Switchboard.AutoBan;

/// <summary>Marker type for the Switchboard.AutoBan assembly.</summary>
internal static class AssemblyMarker
{
}
