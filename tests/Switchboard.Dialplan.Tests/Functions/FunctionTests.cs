using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Functions;

/// <summary>
/// One case per dialplan function, named after its page in the Asterisk documentation
/// (docs.asterisk.org, API_Documentation/Dialplan_Functions/NAME).
/// </summary>
public sealed class FunctionTests
{
    private const string Conf = """
        [default]
        exten => s,1,NoOp()
        exten => 100,1,NoOp()
        exten => 100,hint,PJSIP/alice&PJSIP/bob
        [other]
        exten => 200,hint,PJSIP/carol
        """;

    [Theory]
    [InlineData("CUT: field 2 of a '-' list", "${CUT(LIST,-,2)}", "b")]
    [InlineData("CUT: range of fields keeps the delimiter", "${CUT(LIST,-,2-3)}", "b-c")]
    [InlineData("CUT: open-ended range", "${CUT(LIST,-,2-)}", "b-c-d")]
    [InlineData("CUT: up to a field", "${CUT(LIST,-,-2)}", "a-b")]
    [InlineData("CUT: several groups with &", "${CUT(LIST,-,1&4)}", "a-d")]
    [InlineData("CUT: other delimiter", "${CUT(URI,@,1)}", "sip:john")]
    [InlineData("CUT: strip PJSIP/ from a hint", "${CUT(HINTDEV,/,2)}", "john.doe")]
    [InlineData("CUT: field past the end is empty", "${CUT(LIST,-,9)}", "")]
    [InlineData("FIELDQTY: number of fields", "${FIELDQTY(LIST,-)}", "4")]
    [InlineData("FIELDNUM: position of a field", "${FIELDNUM(LIST,-,c)}", "3")]
    [InlineData("LEN: length of a string", "${LEN(hello)}", "5")]
    [InlineData("ISNULL: empty is 1", "${ISNULL(${NOPE})}", "1")]
    [InlineData("ISNULL: non-empty is 0", "${ISNULL(x)}", "0")]
    [InlineData("EXISTS: non-empty is 1", "${EXISTS(x)}", "1")]
    [InlineData("IF: true branch", "${IF($[1=1]?yes:no)}", "yes")]
    [InlineData("IF: false branch", "${IF($[1=2]?yes:no)}", "no")]
    [InlineData("IF: empty condition is false", "${IF(?yes:no)}", "no")]
    [InlineData("IF: text condition is true", "${IF(abc?yes:no)}", "yes")]
    [InlineData("IF: missing false branch is empty", "${IF(0?yes)}", "")]
    [InlineData("QUOTE: wraps and escapes quotes and backslashes", "${QUOTE(say \"hi\" \\ bye)}", "\"say \\\"hi\\\" \\\\ bye\"")]
    [InlineData("URIENCODE: reserved characters become %XX", "${URIENCODE(a b&c=d/é)}", "a%20b%26c%3Dd%2F%C3%A9")]
    [InlineData("URIDECODE: %XX and + decode", "${URIDECODE(Hello%2C+world%21%C3%A9)}", "Hello, world!é")]
    [InlineData("URIDECODE: malformed escapes are kept", "${URIDECODE(100%)}", "100%")]
    [InlineData("TOUPPER", "${TOUPPER(abc)}", "ABC")]
    [InlineData("TOLOWER", "${TOLOWER(ABC)}", "abc")]
    [InlineData("FILTER: keeps allowed characters", "${FILTER(0-9,+46 (0)70-123)}", "46070123")]
    [InlineData("REGEX: 1 when it matches", "${REGEX(\"^[0-9]+$\" 12345)}", "1")]
    [InlineData("REGEX: 0 when it does not", "${REGEX(\"^[0-9]+$\" 12a45)}", "0")]
    [InlineData("REPLACE: replaces characters", "${REPLACE(LIST,-,_)}", "a_b_c_d")]
    [InlineData("REPLACE: empty replacement removes", "${REPLACE(LIST,-)}", "abcd")]
    [InlineData("STRREPLACE: replaces strings", "${STRREPLACE(LIST,b-c,X)}", "a-X-d")]
    [InlineData("STRREPLACE: max replacements", "${STRREPLACE(LIST,-,+,2)}", "a+b+c-d")]
    [InlineData("SPRINTF: C formats", "${SPRINTF(%05d|%-4s|%.2f|%x,42,ab,3.14159,255)}", "00042|ab  |3.14|ff")]
    [InlineData("MATH: default float result", "${MATH(3*8)}", "24.000000")]
    [InlineData("MATH: integer result", "${MATH(7/2,i)}", "3")]
    [InlineData("MATH: comparison", "${MATH(3<8)}", "TRUE")]
    [InlineData("STRFTIME: epoch, zone and format", "${STRFTIME(0,UTC,%Y-%m-%d %H:%M)}", "1970-01-01 00:00")]
    [InlineData("STRFTIME: default is now", "${STRFTIME(,,%A %H:%M)}", "Monday 10:30")]
    [InlineData("EPOCH variable: now in seconds", "${EPOCH}", "1705314600")]
    [InlineData("CALLERID: all", "${CALLERID(all)}", "\"Alice\" <1001>")]
    [InlineData("CALLERID: num", "${CALLERID(num)}", "1001")]
    [InlineData("CALLERID: name", "${CALLERID(name)}", "Alice")]
    [InlineData("CHANNEL: name", "${CHANNEL(name)}", "PJSIP/alice-00000001")]
    [InlineData("CHANNEL: language", "${CHANNEL(language)}", "en")]
    [InlineData("CHANNEL: state", "${CHANNEL(state)}", "Ring")]
    [InlineData("CHANNEL: driver items come from the channel (endpoint)", "${CHANNEL(endpoint)}", "alice")]
    [InlineData("GLOBAL: reads a global", "${GLOBAL(G)}", "global")]
    [InlineData("HINT: device list of exten@context", "${HINT(200@other)}", "PJSIP/carol")]
    [InlineData("HINT: context defaults to 'default'", "${HINT(100)}", "PJSIP/alice&PJSIP/bob")]
    [InlineData("HINT variable: hint of the current extension", "${HINT}", "PJSIP/alice&PJSIP/bob")]
    [InlineData("DEVICE_STATE: from the device state provider", "${DEVICE_STATE(PJSIP/alice)}", "INUSE")]
    [InlineData("DEVICE_STATE: unknown devices", "${DEVICE_STATE(PJSIP/zed)}", "UNKNOWN")]
    [InlineData("VALID_EXTEN: existing extension", "${VALID_EXTEN(default,100)}", "1")]
    [InlineData("VALID_EXTEN: missing extension", "${VALID_EXTEN(default,999)}", "0")]
    [InlineData("TIMEOUT: digit timeout in seconds", "${TIMEOUT(digit)}", "5.000")]
    [InlineData("PASSTHRU: substring of a literal", "${PASSTHRU(abcdef):2:2}", "cd")]
    [InlineData("Variables: UNIQUEID", "${UNIQUEID}", "1700000000.1")]
    [InlineData("Variables: CONTEXT, EXTEN, PRIORITY", "${CONTEXT}/${EXTEN}/${PRIORITY}", "default/100/1")]
    public void Read(string rule, string template, string expected)
    {
        var (ctx, _) = NewContext();
        var got = Template.Parse(template).Render(ctx);
        Assert.True(expected == got, $"{rule}: {template} gave '{got}'");
    }

    [Fact]
    public void SHIFT_and_POP_remove_elements_PUSH_and_UNSHIFT_add_them()
    {
        var (ctx, _) = NewContext();
        ctx.Channel.Variables.Set("C", "PJSIP/a&PJSIP/b&PJSIP/c");
        Assert.Equal("PJSIP/a", ctx.Substitute("${SHIFT(C,&)}"));
        Assert.Equal("PJSIP/c", ctx.Substitute("${POP(C,&)}"));
        Assert.Equal("PJSIP/b", ctx.GetVariable("C"));
        ctx.SetVariable("PUSH(C,&)", "PJSIP/z");
        ctx.SetVariable("UNSHIFT(C,&)", "PJSIP/y");
        Assert.Equal("PJSIP/y&PJSIP/b&PJSIP/z", ctx.GetVariable("C"));
        ctx.Channel.Variables.Set("L", "1,2");
        Assert.Equal("1", ctx.Substitute("${SHIFT(L)}"));
        Assert.Equal("2", ctx.Substitute("${SHIFT(L)}"));
        Assert.Equal(string.Empty, ctx.Substitute("${SHIFT(L)}"));
    }

    [Fact]
    public void SET_assigns_and_returns_the_value()
    {
        var (ctx, _) = NewContext();
        Assert.Equal("a=b", ctx.Substitute("${SET(X=a=b)}"));
        Assert.Equal("a=b", ctx.GetVariable("X"));
    }

    [Fact]
    public void GLOBAL_write_and_CALLERID_write()
    {
        var (ctx, channel) = NewContext();
        Assert.Null(ctx.SetVariable("GLOBAL(NEWG)", "1"));
        Assert.Equal("1", ctx.Engine.Globals.Get("NEWG"));
        ctx.SetVariable("CALLERID(all)", "\"Bob B\" <+4670123>");
        Assert.Equal("Bob B", channel.CallerId.Name);
        Assert.Equal("+4670123", channel.CallerId.Number);
        ctx.SetVariable("CALLERID(num)", "2002");
        Assert.Equal("2002", ctx.Substitute("${CALLERID(num)}"));
    }

    [Fact]
    public void DB_DB_EXISTS_DB_DELETE_use_the_astdb()
    {
        var (ctx, _) = NewContext();
        Assert.Equal("0", ctx.Substitute("${DB_EXISTS(cf/1001)}"));
        ctx.SetVariable("DB(cf/1001)", "+4670999");
        Assert.Equal("+4670999", ctx.Substitute("${DB(cf/1001)}"));
        Assert.Equal("1", ctx.Substitute("${DB_EXISTS(cf/1001)}"));
        Assert.Equal("+4670999", ctx.GetVariable("DB_RESULT"));
        Assert.Equal("+4670999", ctx.Substitute("${DB_DELETE(cf/1001)}"));
        Assert.Equal(string.Empty, ctx.Substitute("${DB(cf/1001)}"));
        Assert.Null(ctx.SetVariable("DB(a/b/c)", "keys may contain slashes"));
        Assert.Equal("keys may contain slashes", ctx.Substitute("${DB(a/b/c)}"));
    }

    [Fact]
    public void INC_and_DEC_change_the_variable()
    {
        var (ctx, _) = NewContext();
        ctx.Channel.Variables.Set("N", "41");
        Assert.Equal("42", ctx.Substitute("${INC(N)}"));
        Assert.Equal("42", ctx.GetVariable("N"));
        Assert.Equal("41", ctx.Substitute("${DEC(N)}"));
    }

    [Fact]
    public void RAND_stays_in_range()
    {
        var (ctx, _) = NewContext();
        for (var i = 0; i < 200; i++)
        {
            var n = int.Parse(ctx.Substitute("${RAND(3,5)}"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(n, 3, 5);
        }
    }

    [Fact]
    public void IFTIME_uses_the_clock()
    {
        var (ctx, _) = NewContext();
        Assert.Equal("open", ctx.Substitute("${IFTIME(09:00-17:00,mon-fri,*,*?open:closed)}"));
        Assert.Equal("closed", ctx.Substitute("${IFTIME(09:00-17:00,sat-sun,*,*?open:closed)}"));
    }

    [Fact]
    public void LOCAL_only_works_inside_gosub()
    {
        var (ctx, _) = NewContext();
        Assert.NotNull(ctx.SetVariable("LOCAL(x)", "1"));
        Assert.Equal(string.Empty, ctx.Substitute("${LOCAL(x)}"));
    }

    [Fact]
    public void ARRAY_sets_several_variables()
    {
        var (ctx, _) = NewContext();
        ctx.SetVariable("ARRAY(A,B,C)", "1,2");
        Assert.Equal("1", ctx.GetVariable("A"));
        Assert.Equal("2", ctx.GetVariable("B"));
        Assert.Equal(string.Empty, ctx.GetVariable("C"));
    }

    [Fact]
    public void TIMEOUT_write_changes_digit_collection()
    {
        var (ctx, _) = NewContext();
        ctx.SetVariable("TIMEOUT(digit)", "2.5");
        Assert.Equal(TimeSpan.FromSeconds(2.5), ctx.DigitTimeout);
        Assert.Equal("2.500", ctx.Substitute("${TIMEOUT(digit)}"));
    }

    [Theory]
    [InlineData("${CUT(LIST)}", "CUT")]
    [InlineData("${NOSUCHFUNC(1)}", "not registered")]
    [InlineData("${CALLERID(shoe)}", "Unknown callerid data type")]
    [InlineData("${CHANNEL(nothing)}", "Unknown or unavailable item")]
    [InlineData("${DB(nokey)}", "DB requires an argument")]
    [InlineData("${REGEX(noquotes)}", "Unexpected arguments")]
    [InlineData("${INC(UNSET_VAR)}", "Failed to obtain variable")]
    public void Failures_render_empty_and_are_logged(string template, string message)
    {
        var h = DialplanHarness.Load(Conf);
        var ctx = h.NewContext();
        Assert.Equal(string.Empty, ctx.Substitute(template));
        Assert.True(h.Logger.Contains(message), string.Join("\n", h.Logger.Lines));
    }

    [Fact]
    public void Core_can_register_its_own_functions()
    {
        var h = DialplanHarness.Load(Conf, e => e.Functions.Register(new StubFunction("PJSIP_ENDPOINT", args => args == "john,mailboxes" ? "john@example.com" : string.Empty)));
        var ctx = h.NewContext();
        Assert.Equal("john@example.com", ctx.Substitute("${PJSIP_ENDPOINT(john,mailboxes)}"));
        Assert.Contains("PJSIP_ENDPOINT", h.Engine.Functions.Names);
    }

    private static (DialplanContext Context, FakeChannel Channel) NewContext()
    {
        var h = DialplanHarness.Load(Conf, e => e.DeviceStates = new Devices());
        h.Engine.Globals.Set("G", "global");
        var channel = new FakeChannel();
        channel.Items["endpoint"] = "alice";
        var ctx = h.NewContext("default", "100", channel);
        var v = channel.Variables;
        v.Set("LIST", "a-b-c-d");
        v.Set("URI", "sip:john@example.com");
        v.Set("HINTDEV", "PJSIP/john.doe");
        return (ctx, channel);
    }

    private sealed class Devices : IDeviceStateProvider
    {
        public string GetDeviceState(string device) => device == "PJSIP/alice" ? "INUSE" : "UNKNOWN";
    }
}
