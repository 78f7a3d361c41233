using Switchboard.Config.Parsing;

namespace Switchboard.Config.Tests.Pjsip;

/// <summary>
/// The PrivateDial PJSIP files as described in reference-mlan-asterisk.md §2.1, rebuilt from that description
/// (test input for "a user's existing PrivateDial files must load").
/// </summary>
internal static class PrivateDialSample
{
    public const string Pjsip = """
        [global]
        type = global
        user_agent = Platform PBX

        #tryinclude pjsip_transport.conf
        """;

    public const string Transport = """
        [t_wan](!)
        type = transport
        bind = 0.0.0.0:5060
        domain = example.com
        external_signaling_address = sip.example.com
        external_media_address = sip.example.com
        tos = cs3
        cos = 3

        [udp](t_wan)
        protocol = udp

        [tcp](t_wan)
        protocol = tcp

        [tls](t_wan)
        bind = 0.0.0.0:5061
        cert_file = /etc/ssl/asterisk/cert.pem
        priv_key_file = /etc/ssl/asterisk/priv_key.pem
        protocol = tls
        method = tlsv1_2
        """;

    public const string Wizard = """
        [_qos](!)
        endpoint/tos_audio = ef
        endpoint/tos_video = af41
        endpoint/cos_audio = 5
        endpoint/cos_video = 4

        [_nat](!)
        endpoint/rewrite_contact = yes
        endpoint/direct_media = no
        endpoint/rtp_symmetric = yes

        [_sdes](!)
        endpoint/media_encryption_optimistic = yes
        endpoint/media_encryption = sdes

        [_dtls](!)
        endpoint/media_encryption_optimistic = yes
        endpoint/media_encryption = dtls
        endpoint/dtls_auto_generate_cert = yes

        [_term](!)
        accepts_auth = yes
        accepts_registrations = yes
        endpoint/allow = !all,ulaw,h263p,h263,h264
        endpoint/bind_rtp_to_media_address = yes
        aor/max_contacts = 10
        aor/remove_existing = yes
        aor/minimum_expiration = 120
        aor/qualify_frequency = 60

        [_trunk](!)
        endpoint/allow = !all,ulaw
        endpoint/allow_subscribe = no
        aor/qualify_frequency = 60

        [_hint](!)
        has_hint = yes
        hint_context = dp_lookup

        [_in](!)
        endpoint/context = dp_entry_call_in
        endpoint/message_context = dp_entry_text_in

        [_inout](!)
        endpoint/context = dp_entry_call_inout
        endpoint/message_context = dp_entry_text_inout

        [w_term_io](!,_nat,_qos,_sdes,_hint,_term,_inout)
        type = wizard

        [w_term_i](!,_nat,_qos,_sdes,_hint,_term,_in)
        type = wizard

        [w_trunk](!,_nat,_qos,_trunk,_in)
        type = wizard

        #tryinclude pjsip_endpoint.conf
        """;

    public const string Endpoint = """
        [w_term:mydoe](!,w_term_io)
        endpoint/set_var = TRUNK_ENDPOINT=itsp:mydoe
        endpoint/set_var = WEBSMS_INDEX=

        [itsp:mydoe](w_trunk)
        remote_hosts = sip.mydoe.com
        sends_auth = yes
        sends_registrations = yes
        outbound_auth/username = username
        outbound_auth/password = password

        [john.doe](w_term:mydoe)
        hint_exten = +12025550160
        endpoint/callerid = John Doe <+12025550160>
        endpoint/mailboxes = john.doe@example.com
        inbound_auth/username = john.doe
        inbound_auth/password = password

        [jane.doe](w_term:mydoe)
        hint_exten = +12025550183
        endpoint/callerid = Jane Doe <+12025550183>
        endpoint/mailboxes = jane.doe@example.com
        inbound_auth/username = jane.doe
        inbound_auth/password = password
        """;

    public static InMemoryConfigFileSource Source() => new InMemoryConfigFileSource()
        .Add("pjsip.conf", Pjsip)
        .Add("pjsip_transport.conf", Transport)
        .Add("pjsip_wizard.conf", Wizard)
        .Add("pjsip_endpoint.conf", Endpoint);
}
