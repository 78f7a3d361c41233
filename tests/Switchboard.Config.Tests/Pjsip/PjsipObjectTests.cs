using System.Net;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;

namespace Switchboard.Config.Tests.Pjsip;

public sealed class PjsipObjectTests
{
    private static (PjsipConfig Config, DiagnosticBag Diags) Load(string pjsip)
    {
        var diags = new DiagnosticBag();
        var config = PjsipConfigLoader.Load(new InMemoryConfigFileSource().Add("pjsip.conf", pjsip), diags);
        return (config, diags);
    }

    [Fact]
    public void Subscribe_context_is_read_and_falls_back_to_context()
    {
        // Asterisk res_pjsip: subscribe_context "If specified, incoming SUBSCRIBE requests will be searched for the
        // matching extension in the indicated context. If no subscribe_context is specified, then the context
        // setting is used."
        var (c, diags) = Load("""
            [e]
            type=endpoint
            context=calls
            subscribe_context=blf
            [f]
            type=endpoint
            context=calls
            """);
        Assert.Empty(diags.Items);
        Assert.Equal("blf", c.Endpoints["e"].EffectiveSubscribeContext);
        Assert.Equal("calls", c.Endpoints["e"].Context);
        Assert.Equal("calls", c.Endpoints["f"].EffectiveSubscribeContext);
    }

    [Fact]
    public void Defaults_are_asterisks()
    {
        var (c, diags) = Load("""
            [e]
            type=endpoint
            [a]
            type=aor
            [au]
            type=auth
            username=u
            [t]
            type=transport
            [r]
            type=registration
            server_uri=sip:reg.example
            client_uri=sip:me@reg.example
            """);
        Assert.Empty(diags.Items);
        var e = c.Endpoints["e"];
        Assert.Equal("default", e.Context);
        Assert.Equal("default", e.EffectiveMessageContext);
        Assert.Equal("default", e.EffectiveSubscribeContext);
        Assert.Empty(e.Codecs);
        Assert.True(e.DirectMedia);
        Assert.False(e.RewriteContact);
        Assert.False(e.RtpSymmetric);
        Assert.True(e.ForceRport);
        Assert.Equal(DtmfMode.Rfc4733, e.DtmfMode);
        Assert.Equal("allowed_not_screened", e.CallerIdPrivacy);
        Assert.True(e.AllowSubscribe);
        Assert.Equal(MediaEncryption.No, e.MediaEncryption);
        Assert.Equal(["username", "ip"], e.IdentifyBy);
        Assert.Equal(SessionTimersMode.Yes, e.Timers);
        Assert.Equal(Rel100Mode.Yes, e.Rel100);
        Assert.Equal(0, e.RtpTimeout);
        Assert.Equal(0, e.DeviceStateBusyAt);
        Assert.Null(e.WizardName);

        var a = c.Aors["a"];
        Assert.Equal((0, false, 60, 7200, 3600, 0, 3.0, false), (a.MaxContacts, a.RemoveExisting, a.MinimumExpiration,
            a.MaximumExpiration, a.DefaultExpiration, a.QualifyFrequency, a.QualifyTimeout, a.AuthenticateQualify));

        var au = c.Auths["au"];
        Assert.Equal((AuthType.UserPass, 32, ""), (au.AuthType, au.NonceLifetime, au.Realm));

        var t = c.Transports["t"];
        Assert.Equal((TransportProtocol.Udp, 5060, false, false, 0, 0, false), (t.Protocol, t.EffectivePort, t.VerifyClient, t.VerifyServer, t.Tos, t.Cos, t.AllowReload));

        var r = c.Registrations["r"];
        Assert.Equal((3600, 60, 0, 10, true, false), (r.Expiration, r.RetryInterval, r.ForbiddenRetryInterval, r.MaxRetries, r.AuthRejectionPermanent, r.Line));

        var g = c.Global;
        Assert.Equal((PjsipGlobal.DefaultUserAgent, "default_outbound_endpoint", 70), (g.UserAgent, g.DefaultOutboundEndpoint, g.MaxForwards));
        Assert.Equal(["ip", "username", "anonymous"], g.EndpointIdentifierOrder);
    }

    [Theory]
    [InlineData("allow=ulaw,alaw", "ulaw,alaw")]
    [InlineData("disallow=all\nallow=alaw\nallow=ulaw", "alaw,ulaw")]
    [InlineData("allow=!all,g722,ulaw", "g722,ulaw")]
    [InlineData("allow=ulaw,alaw,gsm\ndisallow=alaw", "ulaw,gsm")]
    [InlineData("allow=ulaw,alaw\nallow=!ulaw", "alaw")]
    [InlineData("allow=ulaw,alaw\nallow=ulaw", "alaw,ulaw")]
    [InlineData("allow=ULAW,Opus:20", "ulaw,opus")]
    [InlineData("allow=ulaw\ndisallow=all", "")]
    public void Allow_and_disallow_apply_in_order(string options, string expected)
    {
        var (c, diags) = Load($"[e]\ntype=endpoint\n{options}\n");
        Assert.Empty(diags.Items);
        Assert.Equal(expected, string.Join(",", c.Endpoints["e"].Codecs));
    }

    [Fact]
    public void Allow_all_adds_every_known_codec_and_unknown_codec_warns()
    {
        var (c, diags) = Load("[e]\ntype=endpoint\nallow=all\nallow=!ulaw,nosuchcodec\n");
        Assert.DoesNotContain("ulaw", c.Endpoints["e"].Codecs);
        Assert.Contains("g729", c.Endpoints["e"].Codecs);
        var w = Assert.Single(diags.Items);
        Assert.Equal("pjsip.conf:4: warning: endpoint 'e': unknown codec 'nosuchcodec' in allow ignored", w.ToString());
    }

    [Fact]
    public void Set_var_is_repeated_and_user_fields_are_kept()
    {
        var (c, diags) = Load("[e]\ntype=endpoint\nset_var=A=1\nset_var=B=x=y\nset_var=C=\n@custom=v\n@other=w\n");
        Assert.Empty(diags.Items);
        var e = c.Endpoints["e"];
        Assert.Equal(["A=1", "B=x=y", "C="], e.SetVars.Select(v => $"{v.Name}={v.Value}"));
        Assert.Equal("v", e.UserFields["@custom"]);
        Assert.Equal("w", e.UserFields["@other"]);
    }

    [Theory]
    [InlineData("\"John Doe\" <+1202>", "John Doe", "+1202")]
    [InlineData("John Doe <1001>", "John Doe", "1001")]
    [InlineData("<1001>", "", "1001")]
    [InlineData("1001", "", "1001")]
    [InlineData("Reception", "Reception", "")]
    public void Callerid_is_split(string value, string name, string number)
    {
        var (c, _) = Load($"[e]\ntype=endpoint\ncallerid={value}\n");
        Assert.Equal((name, number), (c.Endpoints["e"].CallerId.Name, c.Endpoints["e"].CallerId.Number));
    }

    [Theory]
    [InlineData("endpoint", "direct_media=perhaps", "expected yes or no")]
    [InlineData("endpoint", "dtmf_mode=morse", "expected one of rfc4733")]
    [InlineData("endpoint", "media_encryption=rot13", "expected one of no, sdes, dtls")]
    [InlineData("endpoint", "tos_audio=xx", "DSCP")]
    [InlineData("endpoint", "cos_audio=9", "0 to 7")]
    [InlineData("endpoint", "rtp_timeout=-5", "non-negative integer")]
    [InlineData("endpoint", "identify_by=username,phase", "identify_by")]
    [InlineData("endpoint", "set_var=novalue", "NAME=VALUE")]
    [InlineData("endpoint", "100rel=sometimes", "100rel")]
    [InlineData("endpoint", "timers=often", "timers")]
    [InlineData("endpoint", "callerid_privacy=secret", "callerid_privacy")]
    [InlineData("aor", "max_contacts=ten", "non-negative integer")]
    [InlineData("aor", "max_contacts=1.5", "non-negative integer")]
    [InlineData("aor", "qualify_timeout=soon", "non-negative number")]
    [InlineData("aor", "minimum_expiration=9000", "greater than maximum_expiration")]
    [InlineData("auth", "auth_type=kerberos", "userpass, md5")]
    [InlineData("auth", "auth_type=md5", "requires md5_cred")]
    [InlineData("auth", "md5_cred=abc", "32 hex digits")]
    [InlineData("auth", "nonce_lifetime=x", "non-negative integer")]
    [InlineData("auth", "supported_algorithms_uas=MD4", "MD5, SHA-256")]
    [InlineData("transport", "protocol=sctp", "expected one of udp")]
    [InlineData("transport", "bind=0.0.0.0:99999", "bad port")]
    [InlineData("transport", "bind=myhost:5060", "not an IP address")]
    [InlineData("transport", "local_net=10.0.0.0/33", "local_net")]
    [InlineData("transport", "local_net=lan", "local_net")]
    [InlineData("transport", "method=tlsv9", "method")]
    [InlineData("transport", "external_signaling_port=70000", "0 to 65535")]
    [InlineData("identify", "endpoint=e\nmatch=10.0.0.0/40", "bad network mask")]
    [InlineData("identify", "endpoint=e\nmatch=not a host", "neither")]
    [InlineData("identify", "endpoint=e", "matches nothing")]
    [InlineData("identify", "match=1.2.3.4", "requires endpoint")]
    [InlineData("identify", "endpoint=e\nmatch_header=NoColon", "match_header")]
    [InlineData("registration", "client_uri=sip:a@b", "requires server_uri")]
    [InlineData("registration", "server_uri=sip:b", "requires client_uri")]
    [InlineData("registration", "server_uri=http://b\nclient_uri=sip:a@b", "not a sip: or sips: URI")]
    [InlineData("registration", "server_uri=sip:b\nclient_uri=sip:a@b\nexpiration=soon", "non-negative integer")]
    [InlineData("global", "max_forwards=300", "0 to 255")]
    public void Bad_values_are_errors_with_file_and_line(string type, string options, string fragment)
    {
        var (c, diags) = Load($"[e]\ntype=endpoint\n\n[x]\ntype={type}\n{options}\n");
        var error = Assert.Single(diags.Items, d => d.IsError);
        Assert.Equal("pjsip.conf", error.File);
        Assert.InRange(error.Line, 4, 8);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        if (type != "global" && type != "endpoint")
        {
            Assert.Equal(0, CountOf(c, type));
        }
    }

    [Fact]
    public void Bad_value_error_text()
    {
        var (_, diags) = Load("[a]\ntype=aor\nmax_contacts=many\n");
        Assert.Equal("pjsip.conf:3: error: aor 'a': bad value 'many' for max_contacts: expected a non-negative integer", Assert.Single(diags.Items).ToString());
    }

    [Theory]
    [InlineData("[x]\ntype=endpoint\nfrobnicate=yes\n", 3, "unknown option 'frobnicate'")]
    [InlineData("[x]\ntype=endpoint\nt38_udptl=yes\n", 3, "not supported")]
    [InlineData("[x]\ntype=trunk\n", 2, "unknown object type 'trunk'")]
    [InlineData("[x]\ntype=domain_alias\n", 2, "not supported")]
    [InlineData("[x]\nfoo=bar\n", 1, "has no type")]
    [InlineData("[x]\ntype=wizard\n", 2, "belongs in pjsip_wizard.conf")]
    [InlineData("[x]\ntype=endpoint\naors=missing\n", 1, "aor 'missing' does not exist")]
    [InlineData("[x]\ntype=endpoint\nauth=missing\n", 1, "auth 'missing' does not exist")]
    [InlineData("[x]\ntype=endpoint\noutbound_auth=missing\n", 1, "outbound_auth 'missing' does not exist")]
    [InlineData("[x]\ntype=endpoint\ntransport=missing\n", 1, "transport 'missing' does not exist")]
    [InlineData("[x]\ntype=identify\nendpoint=missing\nmatch=1.2.3.4\n", 1, "endpoint 'missing' does not exist")]
    [InlineData("[x]\ntype=registration\nserver_uri=sip:a\nclient_uri=sip:b@a\noutbound_auth=missing\n", 1, "outbound_auth 'missing' does not exist")]
    [InlineData("[x]\ntype=transport\nprotocol=tls\ncert_file=c.pem\n", 1, "must be set together")]
    [InlineData("[x]\ntype=aor\ndefault_expiration=10\n", 1, "clamped")]
    [InlineData("[x]\ntype=global\n[y]\ntype=global\n", 3, "more than one type=global")]
    public void Warnings_with_file_and_line(string text, int line, string fragment)
    {
        var (_, diags) = Load(text);
        Assert.False(diags.HasErrors, string.Join("\n", diags.Items));
        var w = Assert.Single(diags.Items);
        Assert.Equal(line, w.Line);
        Assert.Contains(fragment, w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_name_for_different_types_is_normal_but_duplicates_are_errors()
    {
        var (c, diags) = Load("[6001]\ntype=endpoint\naors=6001\nauth=6001\n[6001]\ntype=aor\nmax_contacts=1\n[6001]\ntype=auth\nusername=6001\n[6001]\ntype=aor\n");
        var d = Assert.Single(diags.Items);
        Assert.Equal("pjsip.conf:11: error: duplicate aor '6001' (first defined at pjsip.conf:5); this one is ignored", d.ToString());
        Assert.Equal(1, c.Aors["6001"].MaxContacts);
    }

    [Fact]
    public void Transport_bind_and_local_net()
    {
        var (c, diags) = Load("""
            [t]
            type=transport
            protocol=tls
            bind=[::1]:5071
            cert_file=c.pem
            priv_key_file=k.pem
            local_net=192.168.0.0/16
            local_net=10.0.0.0/255.0.0.0, 172.16.0.0/12
            external_signaling_port=5099
            verify_client=yes
            [w]
            type=transport
            protocol=wss
            bind=127.0.0.1
            """);
        Assert.Empty(diags.Items);
        var t = c.Transports["t"];
        Assert.Equal(IPAddress.IPv6Loopback, t.BindAddress);
        Assert.Equal(5071, t.EffectivePort);
        Assert.Equal(["192.168.0.0/16", "10.0.0.0/8", "172.16.0.0/12"], t.LocalNets.Select(n => n.ToString()));
        Assert.Equal(5099, t.ExternalSignalingPort);
        Assert.True(t.VerifyClient);
        Assert.Equal(TransportProtocol.Wss, c.Transports["w"].Protocol);
    }

    [Fact]
    public void Identify_matches_strip_ports_and_accept_networks_and_hosts()
    {
        var (c, diags) = Load("""
            [e]
            type=endpoint
            [i]
            type=identify
            endpoint=e
            match=192.0.2.10:5060, 198.51.100.0/24
            match=[2001:db8::5]:5070
            match=itsp.example.com:5060
            match=203.0.113.0/255.255.255.0
            match_header=X-Trunk: yes
            """);
        Assert.Empty(diags.Items);
        var i = c.Identifies["i"];
        Assert.Equal(["192.0.2.10", "198.51.100.0/24", "2001:db8::5", "itsp.example.com", "203.0.113.0/255.255.255.0"], i.Matches.Select(m => m.Text));
        Assert.True(i.Matches[0].Contains(IPAddress.Parse("192.0.2.10")));
        Assert.False(i.Matches[0].Contains(IPAddress.Parse("192.0.2.11")));
        Assert.True(i.Matches[1].Contains(IPAddress.Parse("198.51.100.77")));
        Assert.True(i.Matches[1].Contains(IPAddress.Parse("::ffff:198.51.100.77")));
        Assert.True(i.Matches[2].Contains(IPAddress.Parse("2001:db8::5")));
        Assert.Equal("itsp.example.com", i.Matches[3].Host);
        Assert.False(i.Matches[3].Contains(IPAddress.Loopback));
        Assert.True(i.Matches[4].Contains(IPAddress.Parse("203.0.113.200")));
        Assert.Equal("X-Trunk: yes", i.MatchHeader);
    }

    [Fact]
    public void Aor_static_contacts_are_repeated_and_comma_separated()
    {
        var (c, diags) = Load("[a]\ntype=aor\ncontact=sip:a@1.2.3.4\ncontact=sip:b@1.2.3.5,sip:c@1.2.3.6\nqualify_timeout=1.5\n");
        Assert.Empty(diags.Items);
        Assert.Equal(["sip:a@1.2.3.4", "sip:b@1.2.3.5", "sip:c@1.2.3.6"], c.Aors["a"].Contacts);
        Assert.Equal(1.5, c.Aors["a"].QualifyTimeout);
    }

    [Fact]
    public void Templates_in_pjsip_conf_are_not_objects()
    {
        var (c, diags) = Load("[ep](!)\ntype=endpoint\ncontext=office\n[1001](ep)\n[1002](ep)\ncontext=lobby\n");
        Assert.Empty(diags.Items);
        Assert.Equal(["1001", "1002"], c.Endpoints.Select(e => e.Name));
        Assert.Equal("office", c.Endpoints["1001"].Context);
        Assert.Equal("lobby", c.Endpoints["1002"].Context);
        Assert.Equal(4, c.Endpoints["1001"].SourceLine);
    }

    [Fact]
    public void Auth_never_prints_its_password()
    {
        var (c, _) = Load("[a]\ntype=auth\nusername=u\npassword=s3cret\n");
        Assert.DoesNotContain("s3cret", c.Auths["a"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_pjsip_conf_is_an_error()
    {
        var diags = new DiagnosticBag();
        var c = PjsipConfigLoader.Load(new InMemoryConfigFileSource(), diags);
        Assert.True(diags.HasErrors);
        Assert.Empty(c.Endpoints);
    }

    private static int CountOf(PjsipConfig c, string type) => type switch
    {
        "aor" => c.Aors.Count,
        "auth" => c.Auths.Count,
        "transport" => c.Transports.Count,
        "identify" => c.Identifies.Count,
        "registration" => c.Registrations.Count,
        _ => -1,
    };
}
