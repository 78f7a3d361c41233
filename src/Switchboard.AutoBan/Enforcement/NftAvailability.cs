using System.Globalization;
using Switchboard.Common.Nft;

namespace Switchboard.AutoBan.Enforcement;

/// <summary>Whether this process can use nftables: CAP_NET_ADMIN (bit 12 of CapEff) and an nft executable.</summary>
public static class NftAvailability
{
    private const int CapNetAdmin = 12;

    /// <summary>Checks the running process; <paramref name="reason"/> says what is missing.</summary>
    public static bool TryDetect(string command, out string executable, out string reason)
    {
        executable = "";
        string status;
        try
        {
            status = File.ReadAllText("/proc/self/status");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reason = "cannot read /proc/self/status: " + ex.Message;
            return false;
        }

        if (!HasNetAdmin(status))
        {
            reason = "the process lacks CAP_NET_ADMIN";
            return false;
        }

        var found = FindExecutable(command, Environment.GetEnvironmentVariable("PATH"));
        if (found is null)
        {
            reason = $"'{command}' not found";
            return false;
        }

        executable = found;
        reason = "";
        return true;
    }

    /// <summary>True when the CapEff line of a /proc/PID/status text has CAP_NET_ADMIN.</summary>
    public static bool HasNetAdmin(string procStatus)
    {
        foreach (var range in procStatus.AsSpan().Split('\n'))
        {
            var line = procStatus.AsSpan()[range];
            if (!line.StartsWith("CapEff:", StringComparison.Ordinal))
            {
                continue;
            }

            return ulong.TryParse(line["CapEff:".Length..].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong caps)
                && (caps & (1UL << CapNetAdmin)) != 0;
        }

        return false;
    }

    /// <summary>Resolves a program name on PATH (plus /usr/sbin and /sbin, where nft lives); a path is checked as is.</summary>
    public static string? FindExecutable(string command, string? path)
    {
        if (command.Contains('/'))
        {
            return File.Exists(command) ? command : null;
        }

        var dirs = (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]);
        foreach (var dir in dirs)
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
