using Microsoft.Extensions.Logging;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Messaging;

/// <summary>
/// Accepts incoming messages: writes them to the inbox journal (the caller acknowledges only after that), runs
/// the dialplan on a message channel, then removes the journal entry. Replays what a previous run left.
/// </summary>
internal sealed class MessageProcessor(DialplanEngine dialplan, MessageStore? store, TimeProvider time, ILogger log)
{
    private int _running;

    /// <summary>Messages whose dialplan is still running.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>
    /// Persists the message (when a store exists) and starts its dialplan. Returns false, with nothing started, when
    /// it could not be persisted: the sender must be told to retry.
    /// </summary>
    public bool TryAccept(string source, string context, string exten, string? endpoint, TextMessage message, IReadOnlyList<KeyValuePair<string, string>> variables, out long id)
    {
        id = 0;
        if (store is not null)
        {
            try
            {
                id = store.AddToInbox(source, context, exten, endpoint, message, variables, time.GetUtcNow());
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                MessagingLog.StoreFailed(log, ex.Message);
                return false;
            }
        }

        _ = RunAsync(id, context, exten, endpoint, message, variables);
        return true;
    }

    /// <summary>Runs the dialplan of every journal entry a previous run did not finish.</summary>
    public int Replay()
    {
        if (store is null)
        {
            return 0;
        }

        var pending = store.Inbox();
        if (pending.Count > 0)
        {
            MessagingLog.Replaying(log, pending.Count);
        }

        foreach (var e in pending)
        {
            var message = new TextMessage { To = e.To, From = e.From, Body = e.Body, ContentType = e.ContentType };
            foreach (var (k, v) in e.Headers)
            {
                message.AddHeader(k, v);
            }

            _ = RunAsync(e.Id, e.Context, e.Exten, e.Endpoint, message, e.Variables);
        }

        return pending.Count;
    }

    private async Task RunAsync(long id, string context, string exten, string? endpoint, TextMessage message, IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        Interlocked.Increment(ref _running);
        try
        {
            var channel = new MessageChannel(message, endpoint, time);
            foreach (var (k, v) in variables)
            {
                channel.Variables.Set(k, v);
            }

            await Task.Yield();
            await dialplan.RunAsync(channel, context, exten).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            MessagingLog.DialplanFailed(log, ex, context, exten);
        }
        finally
        {
            // Finished entries are deleted in the next accepted message's commit; when none is running, at once.
            if (id > 0)
            {
                store?.FinishInbox(id);
            }

            if (Interlocked.Decrement(ref _running) == 0)
            {
                try
                {
                    store?.FlushFinished();
                }
                catch (Microsoft.Data.Sqlite.SqliteException ex)
                {
                    MessagingLog.StoreFailed(log, ex.Message);
                }
            }
        }
    }
}
