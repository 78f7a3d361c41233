namespace Switchboard.Media.Players;

/// <summary>musiconhold.conf sort= for mode=files: alpha (by name), random (a random file each time), randstart (alpha from a random file).</summary>
public enum MusicOnHoldSort
{
    Alpha,
    Random,
    RandStart,
}
