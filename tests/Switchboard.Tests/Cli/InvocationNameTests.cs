using Switchboard.Cli;

namespace Switchboard.Tests.Cli;

public sealed class InvocationNameTests
{
    [Theory]
    [InlineData("/usr/local/bin/websms")]
    [InlineData("websms")]
    [InlineData("./websms")]
    [InlineData("-websms")]
    public void Started_as_websms_the_arguments_are_those_of_the_websms_subcommand(string argv0) =>
        Assert.Equal(["websms", "+12025550183", "+12025550160", "Hi ☺", "2"], InvocationName.Arguments(argv0, ["+12025550183", "+12025550160", "Hi ☺", "2"]));

    [Theory]
    [InlineData("/usr/bin/switchboard")]
    [InlineData("dotnet")]
    [InlineData("/srv/websms.d/other")]
    [InlineData("websmsx")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_name_leaves_the_arguments_as_they_are(string? argv0)
    {
        string[] args = ["run", "--data-dir", "/srv"];
        Assert.Same(args, InvocationName.Arguments(argv0, args));
    }

    [Fact]
    public void Websms_argv0_parses_to_the_websms_command_with_its_arguments()
    {
        var parse = CommandLineDefinition.Build().Parse(InvocationName.Arguments("/usr/local/bin/websms", ["+1202", "+1303", "body text"]));
        Assert.Empty(parse.Errors);
        Assert.Equal("websms", parse.CommandResult.Command.Name);
        Assert.Equal("+1202", parse.GetValue<string>("to"));
        Assert.Equal("body text", parse.GetValue<string>("body"));
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
