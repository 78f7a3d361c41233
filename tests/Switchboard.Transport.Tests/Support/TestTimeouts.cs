namespace Switchboard.Transport.Tests.Support;

internal static class TestTimeouts
{
    /// <summary>Upper bound for anything a test waits for on loopback (generous: CI machines are slow).</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);
}
