using System.Net;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Pjsip;
using Switchboard.Config.Pjsip.Values;

namespace Switchboard.Config.Tests.Pjsip;

/// <summary>The reference's user and trunk examples load and yield exactly the objects the reference lists.</summary>
public sealed class PrivateDialReferenceTests
{
    private readonly DiagnosticBag _diags = new();
    private readonly PjsipConfig _config;

    public PrivateDialReferenceTests() => _config = PjsipConfigLoader.Load(PrivateDialSample.Source(), _diags);

    [Fact]
    public void Loads_without_any_diagnostic() => Assert.Empty(_diags.Items);

    [Fact]
    public void Generates_exactly_the_reference_objects()
    {
        Assert.Equal(["itsp:mydoe", "john.doe", "jane.doe"], _config.Endpoints.Select(e => e.Name));
        Assert.Equal(["itsp:mydoe", "john.doe", "jane.doe"], _config.Aors.Select(a => a.Name));
        Assert.Equal(["itsp:mydoe-oauth", "john.doe-iauth", "jane.doe-iauth"], _config.Auths.Select(a => a.Name));
        Assert.Equal(["itsp:mydoe-identify"], _config.Identifies.Select(i => i.Name));
        Assert.Equal(["itsp:mydoe-reg-0"], _config.Registrations.Select(r => r.Name));
        Assert.Equal(["udp", "tcp", "tls"], _config.Transports.Select(t => t.Name));
    }

    [Fact]
    public void Global_and_transports()
    {
        Assert.Equal("Platform PBX", _config.Global.UserAgent);
        var udp = _config.Transports["udp"];
        Assert.Equal(TransportProtocol.Udp, udp.Protocol);
        Assert.Equal(IPAddress.Any, udp.BindAddress);
        Assert.Equal(5060, udp.EffectivePort);
        Assert.Equal("example.com", udp.Domain);
        Assert.Equal("sip.example.com", udp.ExternalSignalingAddress);
        Assert.Equal("sip.example.com", udp.ExternalMediaAddress);
        Assert.Equal(0x60, udp.Tos);
        Assert.Equal(3, udp.Cos);
        Assert.Empty(udp.LocalNets);
        Assert.Equal(TransportProtocol.Tcp, _config.Transports["tcp"].Protocol);
        var tls = _config.Transports["tls"];
        Assert.Equal(TransportProtocol.Tls, tls.Protocol);
        Assert.Equal(5061, tls.BindPort);
        Assert.Equal("/etc/ssl/asterisk/cert.pem", tls.CertFile);
        Assert.Equal("/etc/ssl/asterisk/priv_key.pem", tls.PrivKeyFile);
        Assert.Equal("tlsv1_2", tls.Method);
    }

    [Fact]
    public void User_endpoint()
    {
        var e = _config.Endpoints["john.doe"];
        Assert.Equal(["john.doe"], e.Aors);
        Assert.Equal(["john.doe-iauth"], e.Auths);
        Assert.Empty(e.OutboundAuths);
        Assert.Equal("dp_entry_call_inout", e.Context);
        Assert.Equal("dp_entry_text_inout", e.MessageContext);
        Assert.Equal(["ulaw", "h263p", "h263", "h264"], e.Codecs);
        Assert.True(e.RewriteContact);
        Assert.False(e.DirectMedia);
        Assert.True(e.RtpSymmetric);
        Assert.True(e.BindRtpToMediaAddress);
        Assert.Equal(MediaEncryption.Sdes, e.MediaEncryption);
        Assert.True(e.MediaEncryptionOptimistic);
        Assert.Equal(0xB8, e.TosAudio);
        Assert.Equal(0x88, e.TosVideo);
        Assert.Equal(5, e.CosAudio);
        Assert.Equal(4, e.CosVideo);
        Assert.Equal(new CallerId("John Doe", "+12025550160"), e.CallerId);
        Assert.Equal(["john.doe@example.com"], e.Mailboxes);
        Assert.Equal([new ChannelVariable("TRUNK_ENDPOINT", "itsp:mydoe"), new ChannelVariable("WEBSMS_INDEX", "")], e.SetVars);
        Assert.Equal("john.doe", e.WizardName);
        Assert.Equal("+12025550160", e.UserFields["@hint_exten"]);
        Assert.Equal("dp_lookup", e.UserFields["@hint_context"]);
    }

    [Fact]
    public void User_aor_and_auth()
    {
        var a = _config.Aors["jane.doe"];
        Assert.Equal(10, a.MaxContacts);
        Assert.True(a.RemoveExisting);
        Assert.Equal(120, a.MinimumExpiration);
        Assert.Equal(60, a.QualifyFrequency);
        Assert.Empty(a.Contacts);
        var auth = _config.Auths["jane.doe-iauth"];
        Assert.Equal(AuthType.UserPass, auth.AuthType);
        Assert.Equal("jane.doe", auth.Username);
        Assert.Equal("password", auth.Password);
    }

    [Fact]
    public void Hints_point_users_to_dp_lookup()
    {
        Assert.Equal(
            [("+12025550160", "dp_lookup", "PJSIP/john.doe"), ("+12025550183", "dp_lookup", "PJSIP/jane.doe")],
            _config.Hints.Select(h => (h.Exten, h.Context, h.Device)));
        Assert.All(_config.Hints, h => Assert.Equal(string.Empty, h.Application));
    }

    [Fact]
    public void Trunk_objects()
    {
        var e = _config.Endpoints["itsp:mydoe"];
        Assert.Equal(["itsp:mydoe"], e.Aors);
        Assert.Equal(["itsp:mydoe-oauth"], e.OutboundAuths);
        Assert.Empty(e.Auths);
        Assert.Equal("dp_entry_call_in", e.Context);
        Assert.Equal("dp_entry_text_in", e.MessageContext);
        Assert.Equal(["ulaw"], e.Codecs);
        Assert.False(e.AllowSubscribe);
        Assert.Equal(MediaEncryption.No, e.MediaEncryption);

        var aor = _config.Aors["itsp:mydoe"];
        Assert.Equal(["sip:sip.mydoe.com"], aor.Contacts);
        Assert.Equal(60, aor.QualifyFrequency);
        Assert.Equal(0, aor.MaxContacts);

        var auth = _config.Auths["itsp:mydoe-oauth"];
        Assert.Equal("username", auth.Username);
        Assert.Equal("password", auth.Password);

        var id = _config.Identifies["itsp:mydoe-identify"];
        Assert.Equal("itsp:mydoe", id.Endpoint);
        Assert.Equal(["sip.mydoe.com"], id.Matches.Select(m => m.Text));

        var reg = _config.Registrations["itsp:mydoe-reg-0"];
        Assert.Equal("sip:sip.mydoe.com", reg.ServerUri);
        Assert.Equal("sip:username@sip.mydoe.com", reg.ClientUri);
        Assert.Equal(["itsp:mydoe-oauth"], reg.OutboundAuths);
        Assert.Equal("itsp:mydoe", reg.WizardName);
    }
}
