using Switchboard.Config.Pjsip;
using Switchboard.Config.Pjsip.Values;
using Switchboard.Core.Pjsip.Calls;

namespace Switchboard.Core.Tests.Pjsip.Calls;

public sealed class PjsipEndpointFunctionTests
{
    private static readonly PjsipEndpoint Alice = new()
    {
        Name = "alice",
        Context = "office",
        Codecs = ["alaw", "ulaw"],
        Aors = ["alice"],
        CallerId = new CallerId("Alice", "1001"),
        DirectMedia = false,
        SetVars = [new ChannelVariable("TRUNK_ID", "7")],
        UserFields = new Dictionary<string, string> { ["@mobile"] = "+4915112345" },
    };

    [Theory]
    [InlineData("context", "office")]
    [InlineData("allow", "alaw,ulaw")]
    [InlineData("aors", "alice")]
    [InlineData("callerid", "\"Alice\" <1001>")]
    [InlineData("direct_media", "false")]
    [InlineData("TRUNK_ID", "7")]
    [InlineData("@mobile", "+4915112345")]
    public void Reads_configuration_fields_set_var_values_and_user_fields(string field, string expected)
        => Assert.Equal(expected, PjsipEndpointFunction.Field(Alice, field));

    [Fact]
    public void Unknown_fields_read_as_null()
        => Assert.Null(PjsipEndpointFunction.Field(Alice, "no_such_field"));
}
