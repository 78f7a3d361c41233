namespace Switchboard.MediaLoad;

/// <summary>
/// The machine's busy and total CPU ticks (the first line of /proc/stat): busy = user + nice + system + irq +
/// softirq. Over a window it is what relaying costs whoever the kernel charges it to (with kernel forwarding the
/// packets' work lands in the generator's sends), plus the generator's own work.
/// </summary>
internal readonly record struct MachineSample(long Busy, long Total)
{
    public static MachineSample Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }

        string[] f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long[] v = f.Skip(1).Take(8).Select(long.Parse).ToArray();
        long busy = v[0] + v[1] + v[2] + v[5] + v[6];
        return new MachineSample(busy, v.Sum());
    }

    /// <summary>Busy share of the window in % of one core.</summary>
    public static double CoresPercent(MachineSample from, MachineSample to) =>
        to.Total == from.Total ? double.NaN : 100.0 * Environment.ProcessorCount * (to.Busy - from.Busy) / (to.Total - from.Total);
}
