using Microsoft.Extensions.Logging;
using Switchboard.Core.Cli;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Storage;
using Switchboard.Dialplan.Execution;
using Switchboard.Sip.Messages;

namespace Switchboard.Core.Messaging;

/// <summary>
/// SIP MESSAGE in the PBX: the MESSAGE handler, MessageSend with MESSAGE()/MESSAGE_DATA() in the dialplan, the
/// inbox journal (nothing acknowledged is lost) and store-and-forward for endpoints without a reachable device.
/// Other parts (AMI MessageSend, WebSMS) send and inject messages through it.
/// </summary>
public sealed class MessagingService : IAsyncDisposable
{
    private readonly MessageDelivery _delivery;
    private readonly MessageProcessor _processor;
    private readonly StoreAndForward? _forward;
    private readonly TimeProvider _time;

    private MessagingService(MessageDelivery delivery, MessageProcessor processor, MessageStore? store, StoreAndForward? forward, TimeProvider time)
    {
        _delivery = delivery;
        _processor = processor;
        Store = store;
        _forward = forward;
        _time = time;
    }

    /// <summary>The store (null when messaging runs without a database).</summary>
    public MessageStore? Store { get; }

    /// <summary>Incoming messages whose dialplan is still running.</summary>
    public int Running => _processor.Running;

    /// <summary>
    /// Registers the MESSAGE handler on <paramref name="pjsip"/>'s stack and MessageSend, MESSAGE and MESSAGE_DATA on
    /// <paramref name="dialplan"/>. With <paramref name="database"/> messages are journaled and stored there.
    /// </summary>
    public static MessagingService Attach(PjsipService pjsip, DialplanEngine dialplan, SqliteDatabase? database, Events.EventBus bus, ILoggerFactory loggers, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(pjsip);
        ArgumentNullException.ThrowIfNull(dialplan);
        ArgumentNullException.ThrowIfNull(loggers);
        time ??= TimeProvider.System;
        var log = loggers.CreateLogger("messaging");
        var store = database is null ? null : new MessageStore(database);
        var delivery = new MessageDelivery(pjsip.Runtime, pjsip.Location, new SipMessageSender(pjsip.Stack), store, dialplan.Globals, time, log);
        var processor = new MessageProcessor(dialplan, store, time, log);
        var forward = store is null ? null : new StoreAndForward(store, delivery, bus, time, log);
        pjsip.Stack.Router.Register(SipMethod.Message, new MessageHandler(pjsip.Stack, pjsip.Identifier, pjsip.Authenticator, dialplan, processor, time, log));
        dialplan.Applications.Register(new MessageSendApplication(delivery));
        dialplan.Functions.Register(new MessageFunction());
        dialplan.Functions.Register(new MessageDataFunction());
        return new MessagingService(delivery, processor, store, forward, time);
    }

    /// <summary>Replays accepted messages a previous run did not finish and delivers stored ones to registered endpoints.</summary>
    public void Start()
    {
        _processor.Replay();
        _forward?.Start();
    }

    public void RegisterCli(CliCommandRegistry cli) => MessagingCliCommands.Register(cli, Store, _time);

    /// <summary>
    /// Sends a message as MessageSend does (AMI MessageSend): <paramref name="to"/> in the pjsip: forms,
    /// <paramref name="from"/> as the From to write, extra headers (X-...) copied.
    /// </summary>
    public Task<MessageSendStatus> SendAsync(string to, string from, string body, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        var message = new TextMessage { To = to, From = from, Body = body };
        foreach (var (k, v) in headers ?? [])
        {
            message.AddHeader(k, v);
        }

        return _delivery.SendAsync(message, to, from);
    }

    /// <summary>
    /// Accepts a message from outside SIP (a WebSMS webhook): journaled first, then <paramref name="context"/> runs
    /// with exten <paramref name="to"/>. False when it could not be journaled (answer "retry later").
    /// </summary>
    public bool TryInject(string source, string context, string to, string from, string body, IReadOnlyList<KeyValuePair<string, string>>? variables = null)
    {
        var message = new TextMessage { To = to, From = from, Body = body };
        return _processor.TryAccept(source, context, to, null, message, variables ?? [], out _);
    }

    public async ValueTask DisposeAsync()
    {
        if (_forward is not null)
        {
            await _forward.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            Store?.FlushFinished();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            // the database is already closed: the entries are replayed at the next start (at least once)
        }
    }
}
