using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;

namespace Switchboard.Config.Tests.Pjsip.Wizard;

public sealed class PjsipWizardTests
{
    private const string Transports = "[udp]\ntype=transport\nprotocol=udp\nbind=127.0.0.1\n[tcp]\ntype=transport\nprotocol=tcp\nbind=127.0.0.1\n";

    private static (PjsipConfig Config, DiagnosticBag Diags) Load(string wizard, string pjsip = Transports)
    {
        var src = new InMemoryConfigFileSource().Add("pjsip.conf", pjsip).Add("pjsip_wizard.conf", wizard);
        var diags = new DiagnosticBag();
        return (PjsipConfigLoader.Load(src, diags), diags);
    }

    private static string Names(PjsipConfig c) => string.Join(" ",
        c.Endpoints.Select(o => "endpoint:" + o.Name)
            .Concat(c.Aors.Select(o => "aor:" + o.Name))
            .Concat(c.Auths.Select(o => "auth:" + o.Name))
            .Concat(c.Identifies.Select(o => "identify:" + o.Name))
            .Concat(c.Registrations.Select(o => "registration:" + o.Name)));

    [Theory]
    [InlineData("accepts_registrations=yes", "endpoint:x aor:x")]
    [InlineData("accepts_registrations=yes\naccepts_auth=yes\ninbound_auth/username=u", "endpoint:x aor:x auth:x-iauth")]
    [InlineData("remote_hosts=h1", "endpoint:x aor:x identify:x-identify")]
    [InlineData("remote_hosts=h1\nsends_auth=yes\noutbound_auth/username=u", "endpoint:x aor:x auth:x-oauth identify:x-identify")]
    [InlineData("remote_hosts=h1,h2:5070\nsends_registrations=yes", "endpoint:x aor:x identify:x-identify registration:x-reg-0 registration:x-reg-1")]
    [InlineData("remote_hosts=h1\nsends_registrations=yes\nsends_line_with_registrations=yes", "endpoint:x aor:x registration:x-reg-0")]
    [InlineData("remote_hosts=h1\naccepts_registrations=yes\nsends_auth=yes\naccepts_auth=yes\noutbound_auth/username=o\ninbound_auth/username=i",
        "endpoint:x aor:x auth:x-oauth auth:x-iauth")]
    [InlineData("remote_hosts=h1\nsends_auth=no\noutbound_auth/username=u", "endpoint:x aor:x identify:x-identify")]
    public void Generates_objects_named_like_asterisk(string body, string expected)
    {
        var (config, diags) = Load($"[x]\ntype=wizard\n{body}\n");
        Assert.Empty(diags.Items);
        Assert.Equal(expected, Names(config));
    }

    [Fact]
    public void Remote_hosts_make_contacts_matches_and_registrations()
    {
        var (c, diags) = Load("""
            [itsp]
            type = wizard
            remote_hosts = sip1.example.net:5060, 192.0.2.7:5070 ,[2001:db8::1]:5062
            sends_registrations = yes
            sends_auth = yes
            outbound_auth/username = acct
            outbound_auth/password = pw
            transport = tcp
            """);
        Assert.Empty(diags.Items);
        Assert.Equal(["sip:sip1.example.net:5060", "sip:192.0.2.7:5070", "sip:[2001:db8::1]:5062"], c.Aors["itsp"].Contacts);
        Assert.Equal(["sip1.example.net", "192.0.2.7", "2001:db8::1"], c.Identifies["itsp-identify"].Matches.Select(m => m.Text));
        Assert.Equal("itsp", c.Identifies["itsp-identify"].Endpoint);
        var r1 = c.Registrations["itsp-reg-1"];
        Assert.Equal("sip:192.0.2.7:5070", r1.ServerUri);
        Assert.Equal("sip:acct@192.0.2.7:5070", r1.ClientUri);
        Assert.Equal(["itsp-oauth"], r1.OutboundAuths);
        Assert.Equal("tcp", r1.Transport);
        Assert.Equal("tcp", c.Endpoints["itsp"].Transport);
        Assert.Equal(3, c.Registrations.Count);
    }

    [Fact]
    public void Patterns_are_substituted_and_username_defaults_to_wizard_name()
    {
        var (c, diags) = Load("""
            [pbx2]
            type = wizard
            remote_hosts = pbx2.lan
            sends_registrations = yes
            contact_pattern = sip:trunk@${REMOTE_HOST}\;transport=tcp
            server_uri_pattern = sips:${REMOTE_HOST}
            client_uri_pattern = sip:${USERNAME}-line@${REMOTE_HOST}
            """);
        Assert.Empty(diags.Items);
        Assert.Equal(["sip:trunk@pbx2.lan;transport=tcp"], c.Aors["pbx2"].Contacts);
        Assert.Equal("sips:pbx2.lan", c.Registrations["pbx2-reg-0"].ServerUri);
        Assert.Equal("sip:pbx2-line@pbx2.lan", c.Registrations["pbx2-reg-0"].ClientUri);
        Assert.Empty(c.Registrations["pbx2-reg-0"].OutboundAuths);
    }

    [Fact]
    public void Explicit_aor_contact_and_identify_match_win_over_remote_hosts()
    {
        var (c, diags) = Load("""
            [t]
            type = wizard
            remote_hosts = a.example
            aor/contact = sip:b.example
            identify/match = 198.51.100.0/24
            """);
        Assert.Empty(diags.Items);
        Assert.Equal(["sip:b.example"], c.Aors["t"].Contacts);
        Assert.Equal(["198.51.100.0"], c.Identifies["t-identify"].Matches.Select(m => m.Network!.Value.BaseAddress.ToString()));
    }

    [Fact]
    public void Line_registrations_carry_line_and_endpoint()
    {
        var (c, _) = Load("[t]\ntype=wizard\nremote_hosts=h\nsends_registrations=yes\nsends_line_with_registrations=yes\n");
        var r = c.Registrations["t-reg-0"];
        Assert.True(r.Line);
        Assert.Equal("t", r.Endpoint);
    }

    [Theory]
    [InlineData("has_hint=yes\nhint_exten=100", "100", "default", "")]
    [InlineData("has_hint=yes\nhint_exten=100\nendpoint/context=office", "100", "office", "")]
    [InlineData("has_hint=yes\nhint_exten=100\nendpoint/context=office\nhint_context=hints", "100", "hints", "")]
    [InlineData("has_hint=yes\nhint_exten=100\nhint_application=Dial(${HINT})", "100", "default", "Dial(${HINT})")]
    public void Hints(string body, string exten, string context, string app)
    {
        var (c, diags) = Load($"[u]\ntype=wizard\naccepts_registrations=yes\n{body}\n");
        Assert.Empty(diags.Items);
        var h = Assert.Single(c.Hints);
        Assert.Equal((exten, context, "PJSIP/u", app, "u"), (h.Exten, h.Context, h.Device, h.Application, h.WizardName));
        Assert.Equal(context, c.Endpoints["u"].UserFields["@hint_context"]);
    }

    [Fact]
    public void Hint_exten_without_has_hint_adds_no_hint()
    {
        var (c, _) = Load("[u]\ntype=wizard\naccepts_registrations=yes\nhint_exten=100\n");
        Assert.Empty(c.Hints);
        Assert.Equal("100", c.Endpoints["u"].UserFields["@hint_exten"]);
    }

    [Fact]
    public void Later_values_win_and_wizard_transport_overrides_endpoint_transport()
    {
        var (c, diags) = Load("[t](!)\ntype=wizard\naccepts_registrations=yes\nendpoint/context=a\n[u](t)\nendpoint/context=b\nendpoint/transport=udp\ntransport=tcp\n");
        Assert.Empty(diags.Items);
        Assert.Equal("b", c.Endpoints["u"].Context);
        Assert.Equal("tcp", c.Endpoints["u"].Transport);
        Assert.False(c.Endpoints.Contains("t"));
    }

    [Fact]
    public void Outbound_proxy_goes_to_endpoint_aor_and_registrations()
    {
        var (c, _) = Load("[t]\ntype=wizard\nremote_hosts=h\nsends_registrations=yes\noutbound_proxy=sip:proxy.lan\\;lr\n");
        Assert.Equal("sip:proxy.lan;lr", c.Endpoints["t"].OutboundProxy);
        Assert.Equal("sip:proxy.lan;lr", c.Aors["t"].OutboundProxy);
        Assert.Equal("sip:proxy.lan;lr", c.Registrations["t-reg-0"].OutboundProxy);
    }

    [Fact]
    public void User_auth_type_is_kept()
    {
        var (c, diags) = Load("[u]\ntype=wizard\naccepts_registrations=yes\naccepts_auth=yes\ninbound_auth/username=u\ninbound_auth/auth_type=md5\ninbound_auth/md5_cred=0123456789abcdef0123456789ABCDEF\n");
        Assert.Empty(diags.Items);
        Assert.Equal(AuthType.Md5, c.Auths["u-iauth"].AuthType);
        Assert.Equal("0123456789abcdef0123456789abcdef", c.Auths["u-iauth"].Md5Cred);
    }

    [Theory]
    [InlineData("accepts_auth=yes\naccepts_registrations=yes", "inbound_auth/username")]
    [InlineData("sends_auth=yes\nremote_hosts=h", "outbound_auth/username")]
    [InlineData("endpoint/context=x", "must have remote_hosts")]
    [InlineData("accepts_registrations=yes\nsends_registrations=yes", "must have remote_hosts")]
    [InlineData("accepts_registrations=maybe\nremote_hosts=h", "expected yes or no")]
    [InlineData("accepts_registrations=yes\naor/max_contacts=ten", "max_contacts")]
    public void Errors_name_the_wizard_file_and_line(string body, string fragment)
    {
        var (_, diags) = Load($"\n[x]\ntype=wizard\n{body}\n");
        var error = Assert.Single(diags.Items, d => d.IsError);
        Assert.Equal("pjsip_wizard.conf", error.File);
        Assert.InRange(error.Line, 2, 6);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_value_points_at_the_template_line_it_came_from()
    {
        var (_, diags) = Load("[t](!)\ntype=wizard\naor/max_contacts=lots\n[u](t)\naccepts_registrations=yes\n");
        var d = Assert.Single(diags.Items, x => x.IsError);
        Assert.Equal("pjsip_wizard.conf:3: error: aor 'u': bad value 'lots' for max_contacts: expected a non-negative integer", d.ToString());
    }

    [Theory]
    [InlineData("frobnicate=1", "unknown wizard option 'frobnicate'")]
    [InlineData("peer/context=x", "unknown object prefix")]
    [InlineData("endpoint/frob=1", "unknown option 'frob'")]
    [InlineData("has_phoneprov=yes\nphoneprov/MAC=001122334455", "phone provisioning is not supported")]
    public void Warnings(string body, string fragment)
    {
        var (_, diags) = Load($"[x]\ntype=wizard\naccepts_registrations=yes\n{body}\n");
        Assert.False(diags.HasErrors);
        Assert.Contains(diags.Items, d => d.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Non_wizard_categories_in_wizard_file_are_reported()
    {
        var (c, diags) = Load("[e]\ntype=endpoint\n[n]\nfoo=bar\n");
        Assert.Empty(c.Endpoints);
        Assert.Equal(2, diags.WarningCount);
    }

    [Fact]
    public void Wizard_object_clashing_with_pjsip_conf_object_is_an_error()
    {
        var (c, diags) = Load("[alice]\ntype=wizard\naccepts_registrations=yes\n", Transports + "[alice]\ntype=endpoint\n");
        Assert.Contains(diags.Items, d => d.IsError && d.Message.Contains("duplicate endpoint 'alice'", StringComparison.Ordinal));
        Assert.Equal("pjsip.conf", c.Endpoints["alice"].SourceFile);
    }
}
