namespace Switchboard.Media.Tests.Support;

/// <summary>Test signals and their measures.</summary>
internal static class Signals
{
    public static short[] Sine(int samples, int rate, double frequency, double amplitude = 8000)
    {
        var a = new short[samples];
        for (int i = 0; i < samples; i++)
        {
            a[i] = (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        }

        return a;
    }

    public static double Rms(ReadOnlySpan<short> a)
    {
        if (a.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (short s in a)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / a.Length);
    }

    /// <summary>Best normalised cross-correlation of <paramref name="b"/> against <paramref name="a"/> over lags 0..maxLag (b delayed).</summary>
    public static double BestCorrelation(ReadOnlySpan<short> a, ReadOnlySpan<short> b, int maxLag)
    {
        double best = -1;
        for (int lag = 0; lag <= maxLag; lag++)
        {
            int n = Math.Min(a.Length, b.Length - lag);
            if (n <= 0)
            {
                break;
            }

            double sab = 0, saa = 0, sbb = 0;
            for (int i = 0; i < n; i++)
            {
                double x = a[i];
                double y = b[i + lag];
                sab += x * y;
                saa += x * x;
                sbb += y * y;
            }

            if (saa > 0 && sbb > 0)
            {
                best = Math.Max(best, sab / Math.Sqrt(saa * sbb));
            }
        }

        return best;
    }
}
