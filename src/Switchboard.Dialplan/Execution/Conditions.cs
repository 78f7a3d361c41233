namespace Switchboard.Dialplan.Execution;

/// <summary>Asterisk's truth test for GotoIf, IF, ExecIf, While (pbx_checkcondition).</summary>
public static class Conditions
{
    /// <summary>
    /// Empty is false; text starting with an integer (after blanks) is that integer's truth (<c>0</c>,
    /// <c>00</c>, <c>-0</c> false; <c>1abc</c> true); any other text is true.
    /// </summary>
    public static bool IsTrue(string? condition)
    {
        if (string.IsNullOrEmpty(condition))
        {
            return false;
        }

        var s = condition.AsSpan().TrimStart();
        var i = 0;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            i++;
        }

        var digits = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return true;
        }

        foreach (var c in s[digits..i])
        {
            if (c != '0')
            {
                return true;
            }
        }

        return false;
    }
}
