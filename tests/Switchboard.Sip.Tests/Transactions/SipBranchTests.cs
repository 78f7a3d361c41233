using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class SipBranchTests
{
    [Fact]
    public void Branches_carry_the_magic_cookie_and_are_unique_tokens()
    {
        var seen = new HashSet<string>();
        for (int i = 0; i < 10_000; i++)
        {
            string b = SipBranch.NewString();
            Assert.StartsWith("z9hG4bK", b, StringComparison.Ordinal);
            Assert.Equal(SipBranch.Length, b.Length);
            Assert.True(Switchboard.Sip.Parsing.SipAscii.IsTokenSpan(System.Text.Encoding.ASCII.GetBytes(b)));
            Assert.True(seen.Add(b));
        }
    }

    [Fact]
    public void Write_needs_room()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SipBranch.Write(new byte[10]));
    }
}
