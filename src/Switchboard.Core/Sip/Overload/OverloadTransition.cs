namespace Switchboard.Core.Sip.Overload;

/// <summary>What one <see cref="OverloadDetector.Update"/> changed.</summary>
internal enum OverloadTransition
{
    None,
    Entered,
    Left,
}
