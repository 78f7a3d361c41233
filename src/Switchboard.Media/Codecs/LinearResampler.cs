namespace Switchboard.Media.Codecs;

/// <summary>
/// Stateful linear-interpolation resampler for 16-bit mono PCM (8k ↔ 16k ↔ 48k and any other pair). Simple and
/// cheap, meant for speech between narrowband and wideband legs; it keeps the last input sample and the fractional
/// position so consecutive frames join without clicks. Integer arithmetic only, no allocation.
/// </summary>
public sealed class LinearResampler
{
    private readonly int _from;
    private readonly int _to;
    private long _position;
    private short _previous;

    public LinearResampler(int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(toRate, 1);
        _from = fromRate;
        _to = toRate;
    }

    public int FromRate => _from;

    public int ToRate => _to;

    /// <summary>The most samples <see cref="Process"/> can produce for <paramref name="inputSamples"/> input samples.</summary>
    public int MaxOutput(int inputSamples) => (int)(((long)inputSamples * _to / _from) + 2);

    /// <summary>Resamples <paramref name="input"/> and returns the number of samples written to <paramref name="output"/>.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.IsEmpty)
        {
            return 0;
        }

        // Position p = _position / _to in input samples, relative to input[0]; p may be in [-1, 0) where the
        // left neighbour is the last sample of the previous call.
        long limit = (long)(input.Length - 1) * _to;
        int written = 0;
        long position = _position;
        while (position <= limit && written < output.Length)
        {
            long shifted = position + _to;
            int index = (int)(shifted / _to) - 1;
            int fraction = (int)(shifted % _to);
            int left = index < 0 ? _previous : input[index];
            int sample = left;
            if (fraction != 0)
            {
                int right = input[index + 1];
                sample = left + (int)((long)(right - left) * fraction / _to);
            }

            output[written++] = (short)sample;
            position += _from;
        }

        _position = position - ((long)input.Length * _to);
        _previous = input[^1];
        return written;
    }

    public void Reset()
    {
        _position = 0;
        _previous = 0;
    }
}
