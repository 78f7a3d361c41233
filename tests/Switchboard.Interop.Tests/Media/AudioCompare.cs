using Switchboard.Media.Codecs;

namespace Switchboard.Interop.Tests.Media;

/// <summary>Decodes received G.711 streams and compares them with what was sent.</summary>
public static class AudioCompare
{
    /// <summary>The PCM of received packets, in sequence order.</summary>
    public static short[] Decode(IReadOnlyList<RtpRecord> packets, bool aLaw)
    {
        var ordered = InSequence(packets);
        var pcm = new List<short>();
        foreach (var p in ordered)
        {
            foreach (var b in p.Payload)
            {
                pcm.Add(aLaw ? ALaw.Decode(b) : MuLaw.Decode(b));
            }
        }

        return [.. pcm];
    }

    /// <summary>
    /// The best normalized cross-correlation of <paramref name="received"/> against <paramref name="sent"/> over
    /// lags up to <paramref name="maxFrameLag"/> frames of 160 samples either way (packets dropped by strict RTP
    /// learning at the start, a WAV header sent as audio): 1.0 is identical up to gain.
    /// </summary>
    public static double BestCorrelation(short[] sent, short[] received, int maxFrameLag = 40)
    {
        double best = -1;
        for (int lag = -maxFrameLag * 160; lag <= maxFrameLag * 160; lag++)
        {
            best = Math.Max(best, Correlation(sent, received, lag));
        }

        return best;
    }

    /// <summary>Correlation of sent[i + lag] with received[i] over the overlap.</summary>
    public static double Correlation(short[] sent, short[] received, int lag)
    {
        double sxy = 0, sxx = 0, syy = 0;
        int n = 0;
        for (int i = 0; i < received.Length; i++)
        {
            int j = i + lag;
            if (j < 0 || j >= sent.Length)
            {
                continue;
            }

            double x = sent[j];
            double y = received[i];
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
            n++;
        }

        return n < 1600 || sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>The largest gap between consecutive received packets, in milliseconds of RTP time (8 kHz).</summary>
    public static double LargestGapMs(IReadOnlyList<RtpRecord> packets)
    {
        var ordered = InSequence(packets);
        double worst = 0;
        for (int i = 1; i < ordered.Count; i++)
        {
            uint delta = ordered[i].Timestamp - ordered[i - 1].Timestamp;
            worst = Math.Max(worst, delta / 8.0);
        }

        return worst;
    }

    /// <summary>Packets ordered by sequence number relative to the first one (wrap-around safe).</summary>
    public static List<RtpRecord> InSequence(IReadOnlyList<RtpRecord> packets)
    {
        if (packets.Count == 0)
        {
            return [];
        }

        ushort first = packets[0].Sequence;
        return packets.OrderBy(p => (ushort)(p.Sequence - first)).ToList();
    }

    /// <summary>Reads a 16-bit mono PCM WAV's samples.</summary>
    public static short[] ReadWav(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int pos = 12;
        while (pos + 8 <= bytes.Length)
        {
            string id = System.Text.Encoding.ASCII.GetString(bytes, pos, 4);
            int size = BitConverter.ToInt32(bytes, pos + 4);
            if (id == "data")
            {
                int n = Math.Min(size, bytes.Length - pos - 8) / 2;
                var samples = new short[n];
                Buffer.BlockCopy(bytes, pos + 8, samples, 0, n * 2);
                return samples;
            }

            pos += 8 + size + (size & 1);
        }

        throw new InvalidDataException(path + ": no data chunk");
    }
}
