namespace Switchboard.Dialplan.Tests.TestSupport;

/// <summary>A fact that is skipped, with the reason shown, when a file or directory the test needs is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresFileFactAttribute : FactAttribute
{
    public RequiresFileFactAttribute(string path, string what)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Skip = $"{what} not installed ({path} missing)";
        }
    }
}
