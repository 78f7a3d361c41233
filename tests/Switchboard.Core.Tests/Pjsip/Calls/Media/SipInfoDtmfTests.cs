using System.Text;
using Switchboard.Core.Pjsip.Calls;

namespace Switchboard.Core.Tests.Pjsip.Calls.Media;

/// <summary>DTMF in SIP INFO bodies (application/dtmf-relay: Signal=digit, 10 = '*', 11 = '#'), as Asterisk's res_pjsip_dtmf_info reads them.</summary>
public sealed class SipInfoDtmfTests
{
    [Theory]
    [InlineData("Signal=5\r\nDuration=160\r\n", '5')]
    [InlineData("Duration=160\r\nSignal= 9\r\n", '9')]
    [InlineData("signal=#\n", '#')]
    [InlineData("Signal=10\r\n", '*')]
    [InlineData("Signal=11\r\n", '#')]
    [InlineData("Signal=b\r\n", 'B')]
    public void Signal_line_gives_the_digit(string body, char expected)
    {
        Assert.True(SipInfoDtmf.TryReadRelay(Encoding.ASCII.GetBytes(body), out char digit));
        Assert.Equal(expected, digit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Duration=160\r\n")]
    [InlineData("Signal=\r\n")]
    [InlineData("Signal=12\r\n")]
    [InlineData("Signal=x\r\n")]
    [InlineData("Signals=5\r\n")]
    public void Bodies_without_a_valid_signal_give_nothing(string body)
        => Assert.False(SipInfoDtmf.TryReadRelay(Encoding.ASCII.GetBytes(body), out _));
}
