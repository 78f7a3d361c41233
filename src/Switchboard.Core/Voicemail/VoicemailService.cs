using Microsoft.Extensions.Logging;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Core.Cli;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// MiniVM as PrivateDial uses it: minivm.conf, the spool of recordings and greetings, the durable mail outbox, and the
/// applications MinivmRecord, MinivmGreet, MinivmNotify, MinivmDelete, MinivmAccMess, MinivmMWI, the function
/// MINIVMACCOUNT and the generic Record().
/// </summary>
public sealed class VoicemailService : IAsyncDisposable
{
    private MiniVmConfig _config;
    private bool _senderFixed;
    private IDisposable? _mwiSubscription;

    private VoicemailService(MiniVmConfig config, VoicemailStore store, MailOutbox outbox, string recordBase, ILogger log, TimeProvider time)
    {
        _config = config;
        Store = store;
        Outbox = outbox;
        RecordBase = recordBase;
        Log = log;
        Time = time;
    }

    public MiniVmConfig Config => Volatile.Read(ref _config);

    public VoicemailStore Store { get; }

    public MailOutbox Outbox { get; }

    /// <summary>Mailbox counts from MinivmMWI; unsolicited NOTIFYs and message-summary subscriptions read them.</summary>
    public MessageWaitingState MessageWaiting { get; } = new();

    /// <summary>Where Record() puts relative file names.</summary>
    public string RecordBase { get; }

    internal ILogger Log { get; }

    internal TimeProvider Time { get; }

    /// <param name="minivm">minivm.conf (null = defaults, no mail).</param>
    /// <param name="spoolDir">The voicemail spool (…/var/spool/asterisk/voicemail).</param>
    /// <param name="outboxDir">The durable mail outbox.</param>
    /// <param name="recordBase">Base folder of Record()'s relative file names.</param>
    /// <param name="sender">Overrides the SMTP sender made from the configuration (tests).</param>
    public static VoicemailService Create(ConfDocument? minivm, string spoolDir, string outboxDir, string recordBase, ILoggerFactory loggers, TimeProvider? time = null, Action<string>? diagnostics = null, IMailSender? sender = null)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var log = loggers.CreateLogger("minivm");
        var config = MiniVmConfigLoader.Load(minivm, d => diagnostics?.Invoke(d.ToString()));
        bool fixedSender = sender is not null;
        sender ??= config.Smtp is { } smtp ? new SmtpMailSender(smtp) : null;
        if (sender is null && minivm is not null)
        {
            VoicemailLog.NoSmtp(log);
        }

        if (config.Format is not ("wav" or "wav49" or "wav16" or "sln"))
        {
            VoicemailLog.FormatFallback(log, config.Format);
        }

        Directory.CreateDirectory(spoolDir);
        var outbox = new MailOutbox(outboxDir, sender, loggers.CreateLogger("minivm-send"), time) { MaxAttempts = config.MailMaxAttempts };
        return new VoicemailService(config, new VoicemailStore(spoolDir), outbox, recordBase, log, time ?? TimeProvider.System) { _senderFixed = fixedSender };
    }

    /// <summary>Replaces the configuration (core reload); the outbox keeps its sender.</summary>
    public void Reload(ConfDocument? minivm, Action<string>? diagnostics = null)
    {
        var old = Config;
        var config = MiniVmConfigLoader.Load(minivm, d => diagnostics?.Invoke(d.ToString()));
        Volatile.Write(ref _config, config);
        Outbox.MaxAttempts = config.MailMaxAttempts;
        if (!_senderFixed && config.Smtp != old.Smtp)
        {
            Outbox.UseSender(config.Smtp is { } smtp ? new SmtpMailSender(smtp) : null);
        }
    }

    /// <summary>Adds the MiniVM applications, MINIVMACCOUNT and Record to the dialplan.</summary>
    public void Register(DialplanEngine dialplan)
    {
        ArgumentNullException.ThrowIfNull(dialplan);
        dialplan.Applications.Register(new MinivmRecordApplication(this));
        dialplan.Applications.Register(new MinivmGreetApplication(this));
        dialplan.Applications.Register(new MinivmNotifyApplication(this));
        dialplan.Applications.Register(new MinivmDeleteApplication(this));
        dialplan.Applications.Register(new MinivmAccMessApplication(this));
        dialplan.Applications.Register(new MinivmMwiApplication(this));
        dialplan.Applications.Register(new RecordApplication(this));
        dialplan.Functions.Register(new MinivmAccountFunction(this));
    }

    /// <summary>
    /// Sends MWI over SIP: every MinivmMWI publish NOTIFYs (unsolicited, Event: message-summary) the contacts of the
    /// endpoints whose <c>mailboxes</c> list the account, and a contact that registers hears its mailboxes' state.
    /// </summary>
    public void AttachMwi(PjsipService pjsip, EventBus bus)
    {
        ArgumentNullException.ThrowIfNull(pjsip);
        ArgumentNullException.ThrowIfNull(bus);
        var notifier = new UnsolicitedMwiNotifier(pjsip.Stack, pjsip.Runtime, pjsip.Location, MessageWaiting, Log);
        MessageWaiting.AddListener((mailbox, counts) => notifier.Notify(mailbox, counts));
        _mwiSubscription?.Dispose();
        _mwiSubscription = bus.Subscribe<ContactChanged>(e =>
        {
            if (e.Change == ContactChange.Created)
            {
                // Off the registrar's path: the 200 to REGISTER goes first.
                ThreadPool.UnsafeQueueUserWorkItem(static s => s.Notifier.ContactAdded(s.Contact), (Notifier: notifier, e.Contact), preferLocal: false);
            }
        });
    }

    /// <summary><c>minivm show failed</c> and <c>minivm retry &lt;id|all&gt;</c>: the outbox's dead letters.</summary>
    public void RegisterCli(CliCommandRegistry cli) => MiniVmCliCommands.Register(cli, Outbox, Time);

    public void Start() => Outbox.Start();

    public ValueTask DisposeAsync()
    {
        _mwiSubscription?.Dispose();
        return Outbox.DisposeAsync();
    }
}
