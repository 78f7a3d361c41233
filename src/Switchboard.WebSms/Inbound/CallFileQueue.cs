using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.WebSms.Configuration;

namespace Switchboard.WebSms.Inbound;

/// <summary>
/// websmsd's [astqueue] hand-off as the reference does it: one call file per SMS, written to <c>stagingdir</c>,
/// flushed to disk and renamed into <c>outgoingdir</c> (so the spool never reads half a file and an SMS answered 200
/// survives a crash). The spool then originates <c>Local/&lt;to&gt;@&lt;channel_context&gt;</c>; once that side answers
/// (the recipient is known), <c>context,&lt;to&gt;,priority</c> runs with MESSAGE(to|from|body) set, the body
/// rawurlencoded and MESSAGE_ENCODE=rfc3986. An unknown recipient is not answered and, with MaxRetries 0, dropped.
/// </summary>
public sealed partial class CallFileQueue(string defaultOutgoingDir, string defaultStagingDir, TimeProvider time, ILogger log)
{
    private int _sequence = Random.Shared.Next(1000);

    /// <summary>True when [astqueue] asks for call files (channel_context is set, as in the shipped websms.conf).</summary>
    public static bool IsConfigured(WebSmsSection queue) => queue.Setting("channel_context") is not null;

    /// <summary>Writes the call file for <paramref name="sms"/>; false (and logged) when it could not be stored.</summary>
    public bool TryEnqueue(WebSmsSection queue, InboundSms sms)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(sms);
        var outgoing = queue.Get("outgoingdir", sms.Index, defaultOutgoingDir);
        var staging = queue.Get("stagingdir", sms.Index, defaultStagingDir);
        var seconds = time.GetUtcNow().ToUnixTimeSeconds();
        var n = (uint)Interlocked.Increment(ref _sequence) % 1000;
        var name = string.Create(CultureInfo.InvariantCulture, $"{FileSafe(sms.To)}.{seconds}.{n:000}.call");
        var temp = Path.Combine(staging, name + "." + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(staging);
            Directory.CreateDirectory(outgoing);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(false).GetBytes(Render(queue, sms));
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            var target = Path.Combine(outgoing, name);
            for (int i = 1; File.Exists(target) && i < 1000; i++)
            {
                target = Path.Combine(outgoing, string.Create(CultureInfo.InvariantCulture, $"{FileSafe(sms.To)}.{seconds}.{(n + i) % 1000:000}.call"));
            }

            File.Move(temp, target, overwrite: false);
            LogQueued(Path.GetFileName(target), sms.To, sms.From);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(name, outgoing, e.Message);
            TryDelete(temp);
            return false;
        }
    }

    /// <summary>The call file text (reference §3.4 order: Channel, CallerID, WaitTime, MaxRetries, RetryTime, [Account, Application, Data], Context, Extension, Priority, Archive, setvars).</summary>
    internal static string Render(WebSmsSection queue, InboundSms sms)
    {
        var to = OneLine(sms.To);
        var from = OneLine(sms.From);
        var i = sms.Index;
        var sb = new StringBuilder();
        sb.Append("Channel: Local/").Append(to).Append('@').Append(queue.Get("channel_context", i, "default")).Append('\n');
        sb.Append("CallerID: \"\" <").Append(from).Append(">\n");
        sb.Append("WaitTime: ").Append(queue.Get("waittime", i, "45")).Append('\n');
        sb.Append("MaxRetries: ").Append(queue.Get("maxretries", i, "0")).Append('\n');
        sb.Append("RetryTime: ").Append(queue.Get("retrytime", i, "300")).Append('\n');
        foreach (var (key, header) in (ReadOnlySpan<(string, string)>)[("account", "Account"), ("application", "Application"), ("data", "Data")])
        {
            var value = queue.Get(key, i);
            if (value.Length > 0)
            {
                sb.Append(header).Append(": ").Append(OneLine(value)).Append('\n');
            }
        }

        sb.Append("Context: ").Append(queue.Get("context", i, "default")).Append('\n');
        sb.Append("Extension: ").Append(to).Append('\n');
        sb.Append("Priority: ").Append(queue.Get("priority", i, "1")).Append('\n');
        sb.Append("Archive: ").Append(queue.Get("archive", i, "no")).Append('\n');
        sb.Append("setvar: MESSAGE(to)=").Append(to).Append('\n');
        sb.Append("setvar: MESSAGE(from)=").Append(from).Append('\n');
        sb.Append("setvar: MESSAGE(body)=").Append(Uri.EscapeDataString(sms.Body)).Append('\n');
        sb.Append("setvar: MESSAGE_ENCODE=").Append(queue.Get("message_encode", i, "rfc3986")).Append('\n');
        return sb.ToString();
    }

    /// <summary>A header value cannot start a new call-file line or a comment.</summary>
    private static string OneLine(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(char.IsControl(c) || c is ';' ? ' ' : c);
        }

        return sb.ToString().Trim();
    }

    /// <summary>The To number as a file name part: no path separators or dots that could leave the directory.</summary>
    private static string FileSafe(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' ? c : '_');
        }

        return sb.Length == 0 ? "_" : sb.ToString();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound SMS queued as call file {File}, to ({To}) from ({From})")]
    private partial void LogQueued(string file, string to, string from);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unable to write call file {File} to {Dir}: {Reason}")]
    private partial void LogWriteFailed(string file, string dir, string reason);
}
