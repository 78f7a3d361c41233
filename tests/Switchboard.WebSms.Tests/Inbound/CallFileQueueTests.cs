using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Core.Spool;
using Switchboard.WebSms.Inbound;
using Switchboard.WebSms.Tests.Configuration;

namespace Switchboard.WebSms.Tests.Inbound;

/// <summary>The reference's websmsd call file (§3.4): its lines, the staging->outgoing move, and that the spool reads it back.</summary>
public sealed class CallFileQueueTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("callfileq-").FullName;

    [Fact]
    public void Shipped_astqueue_writes_local_channel_text_context_and_rfc3986_body()
    {
        var queue = WebSmsConfigTests.Parse("[astqueue]\nchannel_context = dp_entry_answer\ncontext = dp_entry_text_in\n").Queue;
        Assert.True(CallFileQueue.IsConfigured(queue));
        var text = CallFileQueue.Render(queue, new InboundSms("+12025550163", "+4670123456", "Hi \"D\" ☺\nit's 100% & more", null, "dp_entry_text_in"));
        Assert.Equal(
            "Channel: Local/+12025550163@dp_entry_answer\n" +
            "CallerID: \"\" <+4670123456>\n" +
            "WaitTime: 45\n" +
            "MaxRetries: 0\n" +
            "RetryTime: 300\n" +
            "Context: dp_entry_text_in\n" +
            "Extension: +12025550163\n" +
            "Priority: 1\n" +
            "Archive: no\n" +
            "setvar: MESSAGE(to)=+12025550163\n" +
            "setvar: MESSAGE(from)=+4670123456\n" +
            "setvar: MESSAGE(body)=Hi%20%22D%22%20%E2%98%BA%0Ait%27s%20100%25%20%26%20more\n" +
            "setvar: MESSAGE_ENCODE=rfc3986\n",
            text);
    }

    [Fact]
    public void Indexed_keys_and_optional_account_application_data_follow_the_interface()
    {
        var queue = WebSmsConfigTests.Parse("""
            [astqueue]
            channel_context = answer
            context[1] = text1
            context[2] = text2
            waittime = 20
            maxretries[2] = 3
            retrytime = 60
            priority = 2
            archive = yes
            account = sms
            message_encode = none
            """).Queue;
        var text = CallFileQueue.Render(queue, new InboundSms("100", "200", "x", "2", "text2"));
        Assert.Contains("WaitTime: 20\nMaxRetries: 3\nRetryTime: 60\nAccount: sms\nContext: text2\nExtension: 100\nPriority: 2\nArchive: yes\n", text, StringComparison.Ordinal);
        Assert.EndsWith("setvar: MESSAGE_ENCODE=none\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Application:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_channel_context_no_call_files_are_used()
        => Assert.False(CallFileQueue.IsConfigured(WebSmsConfigTests.Parse("[astqueue]\ncontext = dp_entry_text_in\n").Queue));

    [Fact]
    public void Enqueued_file_lands_in_outgoing_whole_and_the_spool_parser_reads_it_back()
    {
        var queue = WebSmsConfigTests.Parse("[astqueue]\nchannel_context = dp_entry_answer\ncontext = dp_entry_text_in\n").Queue;
        var q = new CallFileQueue(Path.Combine(_dir, "outgoing"), Path.Combine(_dir, "staging"), TimeProvider.System, NullLogger.Instance);
        Assert.True(q.TryEnqueue(queue, new InboundSms("../+1202\r\nChannel: PJSIP/evil", "+46;7", "a=b", null, "dp_entry_text_in")));
        Assert.True(q.TryEnqueue(queue, new InboundSms("+12025550163", "+4670", "second", null, "dp_entry_text_in")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "staging")));
        var files = Directory.GetFiles(Path.Combine(_dir, "outgoing"));
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.Matches(@"^[A-Za-z0-9+_-]+\.\d+\.\d{3}\.call$", Path.GetFileName(f)));
        var evil = Assert.Single(files, f => Path.GetFileName(f).StartsWith("___", StringComparison.Ordinal));
        Assert.True(CallFileParser.TryParse(File.ReadAllText(evil), out var file, out var error), error);
        Assert.Equal("Local/../+1202  Channel: PJSIP/evil@dp_entry_answer", file!.Channel);
        Assert.Equal("\"\" <+46 7>", file.CallerId);
        Assert.Contains(new KeyValuePair<string, string>("MESSAGE(body)", "a%3Db"), file.Variables);
        Assert.Equal("dp_entry_text_in", file.Context);
    }

    [Fact]
    public void Unwritable_outgoing_dir_is_reported_so_the_webhook_gets_503()
    {
        var blocker = Path.Combine(_dir, "file");
        File.WriteAllText(blocker, "x");
        var queue = WebSmsConfigTests.Parse("[astqueue]\nchannel_context = a\n").Queue;
        var q = new CallFileQueue(Path.Combine(blocker, "outgoing"), Path.Combine(_dir, "staging"), TimeProvider.System, NullLogger.Instance);
        Assert.False(q.TryEnqueue(queue, new InboundSms("1", "2", "x", null, "c")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "staging")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
