namespace Switchboard.MediaLoad;

/// <summary>CPU ticks (utime + stime from /proc/PID/stat) and RSS of the PBX process.</summary>
internal readonly record struct ProcessSample(long Ticks, double RssMb)
{
    public static ProcessSample Read(int pid)
    {
        if (pid <= 0 || !File.Exists($"/proc/{pid}/stat"))
        {
            return default;
        }

        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(f[11]) + long.Parse(f[12]);
        double rss = 0;
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line[6..].Trim().Split(' ')[0]) / 1024.0;
            }
        }

        return new ProcessSample(ticks, rss);
    }
}
