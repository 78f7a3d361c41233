namespace Switchboard.Manager.Protocol;

/// <summary>
/// Makes values safe to put on an AMI line or in a log: CR, LF and every other control character become a space,
/// so a value received from the network (a user name, a SIP header) can never end a line or forge a header.
/// </summary>
public static class AmiText
{
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        int i = 0;
        while (i < value.Length && !char.IsControl(value[i]))
        {
            i++;
        }

        if (i == value.Length)
        {
            return value;
        }

        return string.Create(value.Length, value, static (span, v) =>
        {
            for (int j = 0; j < v.Length; j++)
            {
                span[j] = char.IsControl(v[j]) ? ' ' : v[j];
            }
        });
    }

    /// <summary>A header key: also drops ':' so that it cannot split into another key.</summary>
    public static string CleanKey(string? key)
    {
        var clean = Clean(key);
        return clean.Contains(':', StringComparison.Ordinal) ? clean.Replace(':', ' ') : clean;
    }
}
