using System.Diagnostics;

namespace Switchboard.TestKit.Netns;

/// <summary>
/// A network namespace created for one test (<c>ip netns add &lt;prefix&gt;-&lt;random&gt;</c>, loopback up) and deleted
/// on dispose, with helpers to run programs inside it. Needs root and iproute2; check <see cref="IsSupported"/>.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private static readonly Lazy<string?> Unsupported = new(Probe);
    private bool _disposed;

    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>True when namespaces can be created here; otherwise <paramref name="reason"/> says why.</summary>
    public static bool IsSupported(out string reason)
    {
        reason = Unsupported.Value ?? "";
        return Unsupported.Value is null;
    }

    public static NetworkNamespace Create(string prefix = "sb")
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        ExternalCommand.Check("ip", "netns", "add", name);
        var ns = new NetworkNamespace(name);
        try
        {
            ns.Check("ip", "link", "set", "lo", "up");
        }
        catch
        {
            ns.Dispose();
            throw;
        }

        return ns;
    }

    /// <summary>Runs a program inside the namespace and waits for it.</summary>
    public CommandResult Run(string program, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
        => ExternalCommand.Run("ip", ["netns", "exec", Name, program, .. arguments], standardInput, timeout);

    /// <summary>Runs a program inside the namespace; throws with its output when it fails.</summary>
    public string Check(string program, params string[] arguments)
    {
        var r = Run(program, arguments);
        if (!r.Success)
        {
            throw new InvalidOperationException($"[{Name}] {program} {string.Join(' ', arguments)} failed ({r.ExitCode}): {r.Error}{r.Output}");
        }

        return r.Output;
    }

    /// <summary>Starts a long-running program inside the namespace with redirected stdout/stderr (caller kills it).</summary>
    public Process Start(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo("ip")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in (string[])["netns", "exec", Name, program, .. arguments])
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + program);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ExternalCommand.Run("ip", ["netns", "del", Name]);
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network namespaces need Linux";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "network namespaces need root";
        }

        if (ExternalCommand.Find("ip") is null)
        {
            return "iproute2 ('ip') is not installed";
        }

        try
        {
            using var ns = Create("sb-probe");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "cannot create a network namespace: " + ex.Message.Trim();
        }
    }
}
