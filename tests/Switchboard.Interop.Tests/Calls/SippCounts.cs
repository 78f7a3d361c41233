using System.Globalization;
using Switchboard.TestKit.Processes;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>A SIPp run with the last line of its -trace_counts file (message counts per scenario step).</summary>
internal sealed record SippCounts(ProcessResult Result, string[] Header, string[] Last)
{
    /// <summary>The count in the column named <paramref name="column"/> (e.g. <c>2_503_Recv</c>).</summary>
    public long Count(string column)
    {
        int i = Array.IndexOf(Header, column);
        Assert.True(i >= 0, $"no column {column} in {string.Join(';', Header)}");
        return long.Parse(Last[i], CultureInfo.InvariantCulture);
    }
}
