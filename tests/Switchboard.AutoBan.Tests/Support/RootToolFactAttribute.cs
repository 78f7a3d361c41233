using Switchboard.TestKit.Netns;

namespace Switchboard.AutoBan.Tests.Support;

/// <summary>A fact that needs root and the named program; skipped with the reason otherwise.</summary>
public sealed class RootToolFactAttribute : FactAttribute
{
    public RootToolFactAttribute(string tool)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Skip = "needs root on Linux";
        }
        else if (ExternalCommand.Find(tool) is null)
        {
            Skip = tool + " is not installed";
        }
    }
}
