using Switchboard.Core.Voicemail;
using Switchboard.Hosting;

namespace Switchboard.Run;

/// <summary>MiniVM voicemail: minivm.conf, the voicemail spool and the durable mail outbox.</summary>
internal sealed partial class PbxHost
{
    private VoicemailService? _voicemail;

    /// <summary>The durable outbox of voicemail e-mail (under the spool, next to the voicemail folder).</summary>
    internal static string MailOutboxDir(DataLayout layout) => Path.Combine(layout.SpoolDir, "mail-outbox");

    private void StartVoicemail(DataLayout layout)
    {
        if (_dialplan is null || _config is null)
        {
            return;
        }

        _voicemail = VoicemailService.Create(
            _config.Document("minivm.conf"),
            layout.VoicemailDir,
            MailOutboxDir(layout),
            Path.Combine(layout.SpoolDir, "recording"),
            _loggers,
            _host.Time,
            LogDiagnostic);
        if (_database is not null)
        {
            _voicemail.MessageWaiting.UseStore(new MwiCountsStore(_database));
        }

        _voicemail.Register(_dialplan);
        _voicemail.RegisterCli(_cli);
        if (_pjsip is not null)
        {
            _voicemail.AttachMwi(_pjsip, _bus);
        }

        _calls?.UseMessageWaiting(_voicemail.MessageWaiting);
        _voicemail.Start();
        _host.Shutdown.Register(ShutdownPhase.SaveState, "voicemail outbox", async _ =>
        {
            if (_voicemail is not null)
            {
                await _voicemail.DisposeAsync().ConfigureAwait(false);
            }
        });
    }

    private void ReloadVoicemail() => _voicemail?.Reload(_config?.Document("minivm.conf"), LogDiagnostic);
}
