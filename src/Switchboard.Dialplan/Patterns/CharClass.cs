using System.Numerics;

namespace Switchboard.Dialplan.Patterns;

/// <summary>A set of characters one pattern position accepts (Latin-1 bitmap plus at most one other character).</summary>
internal readonly struct CharClass : IEquatable<CharClass>
{
    private readonly ulong _b0;
    private readonly ulong _b1;
    private readonly ulong _b2;
    private readonly ulong _b3;
    private readonly char _other;

    private CharClass(ulong b0, ulong b1, ulong b2, ulong b3, char other)
    {
        _b0 = b0;
        _b1 = b1;
        _b2 = b2;
        _b3 = b3;
        _other = other;
    }

    public static CharClass Empty => default;

    /// <summary>The accepted character above Latin-1, or '\0'.</summary>
    public char Other => _other;

    /// <summary>How many characters the class accepts.</summary>
    public int Count =>
        BitOperations.PopCount(_b0) + BitOperations.PopCount(_b1) + BitOperations.PopCount(_b2) + BitOperations.PopCount(_b3) +
        (_other != '\0' ? 1 : 0);

    /// <summary>The lowest accepted character.</summary>
    public char Min
    {
        get
        {
            if (_b0 != 0)
            {
                return (char)BitOperations.TrailingZeroCount(_b0);
            }

            if (_b1 != 0)
            {
                return (char)(64 + BitOperations.TrailingZeroCount(_b1));
            }

            if (_b2 != 0)
            {
                return (char)(128 + BitOperations.TrailingZeroCount(_b2));
            }

            return _b3 != 0 ? (char)(192 + BitOperations.TrailingZeroCount(_b3)) : _other;
        }
    }

    public static CharClass Single(char c) => Empty.With(c);

    public static CharClass Range(char from, char to)
    {
        var result = Empty;
        if (from > to)
        {
            (from, to) = (to, from);
        }

        for (var c = from; c <= to && c <= 255; c++)
        {
            result = result.With(c);
        }

        if (to > 255)
        {
            result = result.With(to);
        }

        return result;
    }

    public CharClass With(char c)
    {
        return c switch
        {
            < (char)64 => new CharClass(_b0 | (1UL << c), _b1, _b2, _b3, _other),
            < (char)128 => new CharClass(_b0, _b1 | (1UL << (c - 64)), _b2, _b3, _other),
            < (char)192 => new CharClass(_b0, _b1, _b2 | (1UL << (c - 128)), _b3, _other),
            < (char)256 => new CharClass(_b0, _b1, _b2, _b3 | (1UL << (c - 192)), _other),
            _ => new CharClass(_b0, _b1, _b2, _b3, c),
        };
    }

    public CharClass Union(CharClass other)
    {
        var r = new CharClass(_b0 | other._b0, _b1 | other._b1, _b2 | other._b2, _b3 | other._b3, _other != '\0' ? _other : other._other);
        return r;
    }

    public bool Contains(char c)
    {
        return c switch
        {
            < (char)64 => (_b0 & (1UL << c)) != 0,
            < (char)128 => (_b1 & (1UL << (c - 64))) != 0,
            < (char)192 => (_b2 & (1UL << (c - 128))) != 0,
            < (char)256 => (_b3 & (1UL << (c - 192))) != 0,
            _ => c == _other,
        };
    }

    /// <summary>
    /// Tie-break between two classes of equal size and minimum, as Asterisk compares their bitmaps: at the
    /// lowest character where they differ, the class that contains it sorts later.
    /// </summary>
    public int CompareBitmap(CharClass other)
    {
        var r = CompareWord(_b0, other._b0);
        if (r == 0)
        {
            r = CompareWord(_b1, other._b1);
        }

        if (r == 0)
        {
            r = CompareWord(_b2, other._b2);
        }

        if (r == 0)
        {
            r = CompareWord(_b3, other._b3);
        }

        return r != 0 ? r : _other.CompareTo(other._other);
    }

    public bool Equals(CharClass other) =>
        _b0 == other._b0 && _b1 == other._b1 && _b2 == other._b2 && _b3 == other._b3 && _other == other._other;

    public override bool Equals(object? obj) => obj is CharClass c && Equals(c);

    public override int GetHashCode() => HashCode.Combine(_b0, _b1, _b2, _b3, _other);

    private static int CompareWord(ulong a, ulong b)
    {
        var diff = a ^ b;
        if (diff == 0)
        {
            return 0;
        }

        var lowest = diff & (~diff + 1);
        return (a & lowest) != 0 ? 1 : -1;
    }
}
