using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.WebSms.Configuration;
using Switchboard.WebSms.Inbound;
using Switchboard.WebSms.Tests.Configuration;

namespace Switchboard.WebSms.Tests.Inbound;

public sealed class WebhookHandlerTests
{
    private const string Conf = """
        [websmsd]
        remt_addr[1] = 10.1.0.0/16
        remt_addr[2] = 10.2.0.0/16,2001:db8::/32
        url_path[1] = /hook/1
        url_path[2] = /hook/2
        resp_ack[1] = ack-1
        resp_ack[2] = ack-2
        key_echo = zd_echo
        key_to[2] = number
        [astqueue]
        context = dp_entry_text_in
        """;

    private readonly List<InboundSms> _accepted = [];
    private bool _acceptResult = true;

    private WebhookResponse Handle(string remote, string path, IReadOnlyList<KeyValuePair<string, string>>? form = null, string? json = null,
        IReadOnlyList<KeyValuePair<string, string>>? query = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null, string conf = Conf, bool malformed = false, string method = "POST")
    {
        var config = WebSmsConfigTests.Parse(conf);
        var handler = new WebhookHandler(() => config, sms =>
        {
            _accepted.Add(sms);
            return _acceptResult;
        }, NullLogger.Instance);
        return handler.Handle(new WebhookRequest
        {
            RemoteAddress = IPAddress.Parse(remote),
            Method = method,
            Path = path,
            Form = form ?? [],
            Json = json is null ? null : JsonDocument.Parse(json).RootElement,
            Query = query ?? [],
            Headers = headers ?? [],
            BodyMalformed = malformed,
        });
    }

    private static List<KeyValuePair<string, string>> Form(string to, string from, string body) => [new("To", to), new("From", from), new("Body", body)];

    [Fact]
    public void Accepted_form_gets_200_with_the_interfaces_ack_and_enters_the_astqueue_context()
    {
        var r = Handle("10.1.2.3", "/hook/1", Form("+1202", "+1303", "hi ☺"));
        Assert.Equal(new WebhookResponse(200, "ack-1"), r);
        Assert.Equal(new InboundSms("+1202", "+1303", "hi ☺", "1", "dp_entry_text_in"), Assert.Single(_accepted));
    }

    [Fact]
    public void The_matching_interface_decides_the_keys_and_ipv6_networks_match()
    {
        var r = Handle("2001:db8::5", "/hook/2", json: """{"data":{"number":"+1202","From":"+1303","Body":"x\ny"}}""");
        Assert.Equal(new WebhookResponse(200, "ack-2"), r);
        Assert.Equal("x\ny", Assert.Single(_accepted).Body);
    }

    [Fact]
    public void Json_inside_a_form_field_is_searched()
    {
        var r = Handle("10.1.2.3", "/hook/1", [new("result", """{"To":"+1","From":"+2","Body":"in json"}""")]);
        Assert.Equal(200, r.Status);
        Assert.Equal("in json", Assert.Single(_accepted).Body);
    }

    [Theory]
    [InlineData("10.9.9.9", "/hook/1")]
    [InlineData("10.1.2.3", "/hook/3")]
    [InlineData("10.1.2.3", "/hook/1/")]
    public void Refused_address_or_path_gets_403_and_nothing_is_accepted(string remote, string path)
    {
        Assert.Equal(403, Handle(remote, path, Form("+1", "+2", "x")).Status);
        Assert.Empty(_accepted);
    }

    [Fact]
    public void Missing_fields_broken_bodies_and_gets_are_400()
    {
        Assert.Equal(400, Handle("10.1.2.3", "/hook/1", [new("Body", "x")]).Status);
        Assert.Equal(400, Handle("10.1.2.3", "/hook/1", malformed: true).Status);
        Assert.Equal(400, Handle("10.1.2.3", "/hook/1", method: "GET").Status);
        Assert.Empty(_accepted);
    }

    [Fact]
    public void Echo_probe_answers_the_parameter()
        => Assert.Equal(new WebhookResponse(200, "abc"), Handle("10.1.2.3", "/hook/1", query: [new("zd_echo", "abc")], method: "GET"));

    [Fact]
    public void Sms_that_cannot_be_stored_gets_503()
    {
        _acceptResult = false;
        Assert.Equal(503, Handle("10.1.2.3", "/hook/1", Form("+1", "+2", "x")).Status);
    }

    [Fact]
    public void Client_behind_a_trusted_proxy_is_taken_from_the_forwarded_header()
    {
        const string conf = """
            [websmsd]
            remt_addr = 203.0.113.7
            """;
        Assert.Equal(200, Handle("192.168.1.1", "/", Form("+1", "+2", "x"), headers: [new("X-Forwarded-For", "203.0.113.7, 10.0.0.1")], conf: conf).Status);
        Assert.Equal(403, Handle("192.168.1.1", "/", Form("+1", "+2", "x"), conf: conf).Status);
        Assert.Equal(403, Handle("198.51.100.1", "/", Form("+1", "+2", "x"), headers: [new("X-Forwarded-For", "203.0.113.7")], conf: conf).Status);
    }

    [Theory]
    [InlineData("HTTP_X_FORWARDED_FOR", "X-Forwarded-For")]
    [InlineData("HTTP_X_REAL_IP", "X-Real-Ip")]
    [InlineData("X-Client", "X-Client")]
    public void Php_server_variable_names_become_header_names(string configured, string header)
        => Assert.Equal(header, WebhookHandler.HeaderName(configured));

    [Fact]
    public void Address_lists_accept_hosts_networks_with_host_bits_and_report_garbage()
    {
        var list = AddressList.Parse("127.0.0.1, 192.168.1.7/24, nonsense, ::1", out var invalid);
        Assert.True(list.Contains(IPAddress.Parse("127.0.0.1")));
        Assert.True(list.Contains(IPAddress.Parse("::ffff:192.168.1.200")));
        Assert.True(list.Contains(IPAddress.IPv6Loopback));
        Assert.False(list.Contains(IPAddress.Parse("192.168.2.1")));
        Assert.Equal(["nonsense"], invalid);
        _ = WebSmsConfig.Empty;
    }
}
