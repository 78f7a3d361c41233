namespace Switchboard.Hosting;

/// <summary>Life state of a supervised component.</summary>
internal enum ComponentState
{
    Running,
    WaitingToRestart,
    Stopped,
}
