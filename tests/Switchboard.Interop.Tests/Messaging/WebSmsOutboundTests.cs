using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;
using Switchboard.TestKit.Processes;

namespace Switchboard.Interop.Tests.Messaging;

/// <summary>
/// `switchboard websms TO FROM BODY [INDEX]` (the real executable) against an ITSP played by an HttpListener in the
/// test; authentication values are computed here independently of the product code.
/// </summary>
public sealed class WebSmsOutboundTests
{
    private const string Body = "Hi ☺ \"there\"\nline 2";

    [Fact]
    public async Task Basic_auth_form_request_has_the_configured_keys_and_credentials()
    {
        await using var itsp = FakeItsp.Start();
        var conf = $"""
            [websms]
            url_host = http://127.0.0.1:{itsp.Port}
            url_path = /sms/send/
            auth_method = basic
            auth_user = acct
            auth_secret = s3cret
            key_to = Dest
            key_from = Src
            key_body = Text
            val_numform = E164
            val_static = kind=sms
            resp_check = status=ok
            """;
        var r = await RunWebSmsAsync(conf, "+12025550183", "+12025550160", Body);
        Assert.True(r.ExitCode == 0, r.ToString());
        var req = Assert.Single(itsp.Requests);
        Assert.Equal("/sms/send/", req.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("acct:s3cret")), req.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", req.ContentType, StringComparison.Ordinal);
        Assert.Equal("Dest=12025550183&Src=12025550160&Text=" + PhpEncode(Body) + "&kind=sms", req.Body);
        Assert.Contains("Outbound SMS sent (host=127.0.0.1,user=acct)", r.Combined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zadarma_signature_matches_an_independent_computation()
    {
        await using var itsp = FakeItsp.Start();
        var conf = $"""
            [websms]
            url_host = http://127.0.0.1:{itsp.Port}
            url_path[2] = /v1/sms/send/
            auth_method[2] = zadarma
            auth_user[2] = key123
            auth_secret[2] = zsecret
            key_to[2] = number
            key_from[2] = caller_id
            key_body[2] = message
            """;
        var r = await RunWebSmsAsync(conf, "+12025550183", "+12025550160", Body, "2");
        Assert.True(r.ExitCode == 0, r.ToString());
        var req = Assert.Single(itsp.Requests);
        var query = "caller_id=" + PhpEncode("+12025550160") + "&message=" + PhpEncode(Body) + "&number=" + PhpEncode("+12025550183");
        Assert.Equal(query, req.Body);
        var md5 = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(query))).ToLowerInvariant();
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes("zsecret"));
        var hex = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes("/v1/sms/send/" + query + md5))).ToLowerInvariant();
        Assert.Equal("key123:" + Convert.ToBase64String(Encoding.ASCII.GetBytes(hex)), req.Authorization);
    }

    [Fact]
    public async Task Json_request_and_transient_failures_are_retried_then_succeed()
    {
        await using var itsp = FakeItsp.Start(failFirst: 2);
        var conf = $"""
            [websms]
            url_host = http://127.0.0.1:{itsp.Port}
            url_path = /api
            auth_method = none
            req_format = json
            retry_count = 3
            retry_delay = 0.1
            """;
        var r = await RunWebSmsAsync(conf, "+1202", "+1303", Body);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(3, itsp.Requests.Count);
        var json = System.Text.Json.JsonDocument.Parse(itsp.Requests[^1].Body).RootElement;
        Assert.Equal(Body, json.GetProperty("Body").GetString());
        Assert.Contains("attempt 2 failed (HTTP 503", r.Combined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Itsp_down_is_retried_then_logged_as_failed_with_exit_1()
    {
        int port = FreePort.Tcp();
        var conf = $"""
            [websms]
            url_host = http://127.0.0.1:{port}
            auth_method = none
            retry_count = 2
            retry_delay = 0.1
            """;
        var r = await RunWebSmsAsync(conf, "+1202", "+1303", "x");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("attempt 1 failed (connection error", r.Combined, StringComparison.Ordinal);
        Assert.Contains("Outbound SMS to +1202 failed (host=127.0.0.1) after 3 attempt(s)", r.Combined, StringComparison.Ordinal);
    }

    /// <summary>PHP urlencode, written out here from its definition (RFC 1738 with '+' for space).</summary>
    internal static string PhpEncode(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return sb.ToString();
    }

    private static async Task<ProcessResult> RunWebSmsAsync(string conf, string to, string from, string body, string? index = null)
    {
        var dir = Directory.CreateTempSubdirectory("websms-out-").FullName;
        var configDir = Path.Combine(dir, "etc");
        Directory.CreateDirectory(configDir);
        await File.WriteAllTextAsync(Path.Combine(configDir, "websms.conf"), conf);
        List<string> args = [PbxInstance.SwitchboardDll, "websms", "--data-dir", dir, "--config-dir", configDir, to, from, body];
        if (index is not null)
        {
            args.Add(index);
        }

        return await ExternalProcess.RunAsync("dotnet", args, TimeSpan.FromSeconds(60), dir, new Dictionary<string, string?> { ["SYSLOG_LEVEL"] = "7" });
    }
}
