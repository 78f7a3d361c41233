using Switchboard.Cli;

namespace Switchboard.Tests.Cli;

public sealed class InvocationNameTests
{
    [Theory]
    [InlineData("/usr/local/bin/websms")]
    [InlineData("websms")]
    [InlineData("./websms")]
    [InlineData("-websms")]
    public void Started_as_websms_the_command_line_is_the_websms_command(string argv0)
    {
        Assert.True(InvocationName.IsWebSms(argv0));
        var parse = InvocationName.CommandLine(argv0).Parse(["+12025550183", "+12025550160", "Hi ☺", "2"]);
        Assert.Empty(parse.Errors);
        Assert.Equal("+12025550183", parse.GetValue<string>("to"));
        Assert.Equal("+12025550160", parse.GetValue<string>("from"));
        Assert.Equal("Hi ☺", parse.GetValue<string>("body"));
        Assert.Equal("2", parse.GetValue<string?>("index"));
    }

    [Theory]
    [InlineData("/usr/bin/switchboard")]
    [InlineData("dotnet")]
    [InlineData("/srv/websms.d/other")]
    [InlineData("websmsx")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_name_gets_the_full_command_line(string? argv0)
    {
        Assert.False(InvocationName.IsWebSms(argv0));
        var parse = InvocationName.CommandLine(argv0).Parse(["run", "--data-dir", "/srv"]);
        Assert.Empty(parse.Errors);
        Assert.Equal("run", parse.CommandResult.Command.Name);
    }

    [Fact]
    public void The_websms_subcommand_still_parses_under_the_switchboard_name()
    {
        var parse = CommandLineDefinition.Build().Parse(["websms", "+1202", "+1303", "body text"]);
        Assert.Empty(parse.Errors);
        Assert.Equal("websms", parse.CommandResult.Command.Name);
        Assert.Equal("+1202", parse.GetValue<string>("to"));
        Assert.Equal("body text", parse.GetValue<string>("body"));
    }

    [Fact]
    public void Websms_root_accepts_the_config_dir_option()
    {
        var parse = CommandLineDefinition.BuildWebSms().Parse(["--config-dir", "/etc/x", "+1202", "+1303", "hi"]);
        Assert.Empty(parse.Errors);
        Assert.Equal("/etc/x", parse.GetValue<string?>("--config-dir"));
    }

    [Fact]
    public void The_current_invocation_name_is_read()
    {
        // Under the test host argv[0] is the dotnet host (or testhost), never websms.
        var name = InvocationName.Current();
        Assert.False(string.IsNullOrEmpty(name));
        Assert.DoesNotContain("websms", Path.GetFileName(name!), StringComparison.Ordinal);
    }
}
