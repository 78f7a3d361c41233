using System.Buffers.Binary;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// Record's <c>a</c> option: appends the samples of one 16-bit PCM WAV to another of the same rate, rewriting the
/// target through a temporary file so that a failure leaves it as it was.
/// </summary>
internal static class WavAppend
{
    public static bool TryAppend(string target, string addition, out string? error)
    {
        string part = target + ".part";
        try
        {
            var head = File.ReadAllBytes(target);
            var tail = File.ReadAllBytes(addition);
            if (!WavPcm.TryFindData(head, out int headOffset, out int headLength, out error)
                || !WavPcm.TryFindData(tail, out int tailOffset, out int tailLength, out error))
            {
                error = "cannot append: " + error;
                return false;
            }

            if (Rate(head) != Rate(tail))
            {
                error = $"cannot append {Rate(tail)} Hz audio to a {Rate(head)} Hz file";
                return false;
            }

            headLength &= ~1;
            tailLength &= ~1;
            var joined = new byte[headOffset + headLength + tailLength];
            head.AsSpan(0, headOffset + headLength).CopyTo(joined);
            tail.AsSpan(tailOffset, tailLength).CopyTo(joined.AsSpan(headOffset + headLength));
            BinaryPrimitives.WriteUInt32LittleEndian(joined.AsSpan(4), (uint)(joined.Length - 8));
            BinaryPrimitives.WriteUInt32LittleEndian(joined.AsSpan(headOffset - 4), (uint)(headLength + tailLength));
            using (var stream = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(joined);
                stream.Flush(flushToDisk: true);
            }

            File.Delete(addition);
            File.Move(part, target, overwrite: true);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(part);
            error = ex.Message;
            return false;
        }
    }

    /// <summary>The sample rate from the fmt chunk (0 when there is none).</summary>
    internal static uint Rate(ReadOnlySpan<byte> wav)
    {
        int pos = 12;
        while (pos + 8 <= wav.Length)
        {
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(wav[(pos + 4)..]), int.MaxValue);
            if (wav.Slice(pos, 4).SequenceEqual("fmt "u8) && pos + 16 <= wav.Length)
            {
                return BinaryPrimitives.ReadUInt32LittleEndian(wav[(pos + 12)..]);
            }

            pos += 8 + size + (size & 1);
        }

        return 0;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _ = ex;
        }
    }
}
