using System.Security.Cryptography;
using System.Text;
using Switchboard.WebSms.Outbound;
using Switchboard.WebSms.Tests.Configuration;

namespace Switchboard.WebSms.Tests.Outbound;

public sealed class OutboundRequestBuilderTests
{
    [Fact]
    public void Fields_are_normalised_extended_sorted_and_form_encoded_like_php()
    {
        var c = WebSmsConfigTests.Parse("""
            [websms]
            url_host = https://api.example.com/
            url_path = /sms/send/
            auth_method = plain
            auth_user = u
            auth_secret = p w
            key_user = api_user
            key_secret = api_key
            val_numform = no+
            val_static = channel=sms,prio=1
            """);
        var warnings = new List<string>();
        var r = OutboundRequestBuilder.Build(c.Outgoing, "0046701234", "+1202", "a b&c=d ☺ *~", null, warnings);
        Assert.Empty(warnings);
        Assert.Equal(new Uri("https://api.example.com/sms/send/"), r.Url);
        Assert.Equal("application/x-www-form-urlencoded", r.ContentType);
        Assert.Equal("Body=a+b%26c%3Dd+%E2%98%BA+%2A%7E&From=1202&To=46701234&api_key=p+w&api_user=u&channel=sms&prio=1", r.Body);
        Assert.Empty(r.Headers);
    }

    [Fact]
    public void Ucs2_replaces_characters_outside_the_bmp_and_key_value_flags_them()
    {
        var ucs = WebSmsConfigTests.Parse("[websms]\nauth_method = none\nval_unicode = UCS-2\n");
        var r = OutboundRequestBuilder.Build(ucs.Outgoing, "1", "2", "ok ☺ 😀", null, []);
        Assert.Contains(new KeyValuePair<string, string>("Body", "ok ☺ \uFFFD"), r.Fields);

        var flag = WebSmsConfigTests.Parse("[websms]\nauth_method = none\nval_unicode = coding=unicode\n");
        Assert.Contains(new KeyValuePair<string, string>("coding", "unicode"), OutboundRequestBuilder.Build(flag.Outgoing, "1", "2", "😀", null, []).Fields);
        Assert.DoesNotContain(OutboundRequestBuilder.Build(flag.Outgoing, "1", "2", "plain", null, []).Fields, f => f.Key == "coding");
    }

    [Fact]
    public void Missing_credentials_warn_and_send_without_auth()
    {
        var c = WebSmsConfigTests.Parse("[websms]\nauth_method = basic\n");
        var warnings = new List<string>();
        var r = OutboundRequestBuilder.Build(c.Outgoing, "1", "2", "x", null, warnings);
        Assert.Empty(r.Headers);
        Assert.Single(warnings);
    }

    [Fact]
    public void Json_format_writes_the_sorted_fields_as_an_object()
    {
        var c = WebSmsConfigTests.Parse("[websms]\nauth_method = none\nreq_format = json\n");
        var r = OutboundRequestBuilder.Build(c.Outgoing, "+1", "+2", "q\"☺", null, []);
        Assert.Equal("application/json", r.ContentType);
        var json = System.Text.Json.JsonDocument.Parse(r.Body).RootElement;
        Assert.Equal("q\"☺", json.GetProperty("Body").GetString());
        Assert.Equal("+1", json.GetProperty("To").GetString());
    }

    [Fact]
    public void Zadarma_signature_is_base64_of_hex_hmac_over_path_query_and_md5()
    {
        const string query = "caller_id=%2B1&message=hi&number=%2B2";
        var md5 = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(query))).ToLowerInvariant();
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes("sec"));
        var hex = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes("/v1/sms/send/" + query + md5))).ToLowerInvariant();
        Assert.Equal(Convert.ToBase64String(Encoding.ASCII.GetBytes(hex)), ZadarmaSignature.Compute("/v1/sms/send/", query, "sec"));
    }

    [Theory]
    [InlineData("", "anything", true)]
    [InlineData("status=success", """{"status":"success"}""", true)]
    [InlineData("status=success", """{"data":[{"status":"success"}]}""", true)]
    [InlineData("status=success", """{"status":"error"}""", false)]
    [InlineData("code=0", """{"code":0}""", true)]
    [InlineData("status=success", "not json", false)]
    [InlineData("/queued|sent/i", "Message SENT", true)]
    [InlineData("/queued/", "failed", false)]
    public void Response_check(string check, string body, bool passes)
        => Assert.Equal(passes, ResponseCheck.Passes(check, body));
}
