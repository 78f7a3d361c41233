namespace Switchboard.Dialplan;

/// <summary>Marker type for the Switchboard.Dialplan assembly.</summary>
internal static class AssemblyMarker
{
}
