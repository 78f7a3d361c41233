namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// <c>a : regex</c> (anchored at the start of a) and <c>a =~ regex</c> (anywhere). Surrounding double quotes
/// are stripped from both sides. With a capture group the result is the first group's text (empty when no
/// match); without, the length of the match (0 when no match). An invalid regex gives an empty result.
/// </summary>
internal sealed class ExprRegexMatch(bool anchored, ExprNode left, ExprNode right) : ExprNode
{
    public override ExprValue Evaluate(ExprEvalContext context)
    {
        var input = StripQuotes(left.Evaluate(context).AsString());
        var pattern = StripQuotes(right.Evaluate(context).AsString());
        if (!PosixRegex.TryGet(pattern, out var regex, out var error))
        {
            context.Warn($"regcomp() error : {error}");
            return ExprValue.FromString(string.Empty);
        }

        var groups = regex.GetGroupNumbers().Length - 1;
        var m = PosixRegex.SafeMatch(regex, input, out error);
        if (error is not null)
        {
            context.Warn(error);
        }

        if (m is not null && m.Success && (!anchored || m.Index == 0))
        {
            if (groups > 0 && m.Groups[1].Success)
            {
                return ExprValue.FromString(m.Groups[1].Value);
            }

            return ExprValue.FromNumber(m.Length);
        }

        return groups == 0 ? ExprValue.FromNumber(0m) : ExprValue.FromString(string.Empty);
    }

    /// <summary>When the text both starts and ends with a double quote, removes every double quote in it.</summary>
    internal static string StripQuotes(string s) =>
        s.Length >= 1 && s[0] == '"' && s[^1] == '"' ? s.Replace("\"", string.Empty, StringComparison.Ordinal) : s;
}
