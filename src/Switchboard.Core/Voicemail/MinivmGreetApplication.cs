using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// MinivmGreet(user@domain[,options]): answers and plays the account's temporary greeting when one was recorded
/// (MinivmAccMess t); else the busy (option b) or unavailable (option u) greeting when recorded; else the default
/// "vm-theperson" + the recorded name or the spelled user + "vm-isonphone" / "vm-isunavail". Then the instructions
/// "vm-intro" unless option s (MinivmRecord plays the beep). '#' skips the greeting. Sets MVM_GREET_STATUS (SUCCESS, USEREXIT, FAILED).
/// </summary>
internal sealed class MinivmGreetApplication(VoicemailService service) : IDialplanApplication
{
    public string Name => "MinivmGreet";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args, 2);
        var channel = context.Channel;
        string options = AppArgs.At(a, 1);
        if (!MinivmArgs.TryMailbox(AppArgs.At(a, 0), out var mailbox, out var error))
        {
            VoicemailLog.Failed(service.Log, Name, channel.Name, error!);
            channel.Variables.Set("MVM_GREET_STATUS", "FAILED");
            return AppResult.Continue;
        }

        if (channel.State != ChannelState.Up)
        {
            await channel.AnswerAsync(cancellationToken).ConfigureAwait(false);
        }

        bool busy = MinivmArgs.HasOption(options, 'b');
        var store = service.Store;
        string? greeting = store.ExistingGreeting(mailbox, 't')
            ?? (busy ? store.ExistingGreeting(mailbox, 'b') : null)
            ?? (MinivmArgs.HasOption(options, 'u') ? store.ExistingGreeting(mailbox, 'u') : null);
        var files = new List<string>();
        if (greeting is not null)
        {
            files.Add(MinivmArgs.WithoutExtension(greeting));
        }
        else
        {
            files.Add("vm-theperson");
            if (store.ExistingGreeting(mailbox, 'n') is { } name)
            {
                files.Add(MinivmArgs.WithoutExtension(name));
            }
            else
            {
                files.AddRange(Prompts.ForCharacters(mailbox.User));
            }

            files.Add(busy ? "vm-isonphone" : "vm-isunavail");
        }

        if (!MinivmArgs.HasOption(options, 's'))
        {
            files.Add("vm-intro");
        }

        var played = await MinivmArgs.PlayAsync(channel, files, "#", cancellationToken).ConfigureAwait(false);
        if (played.Outcome == PlaybackOutcome.HungUp)
        {
            channel.Variables.Set("MVM_GREET_STATUS", "FAILED");
            return AppResult.Hangup;
        }

        channel.Variables.Set("MVM_GREET_STATUS", played.Outcome == PlaybackOutcome.Interrupted ? "USEREXIT" : "SUCCESS");
        return AppResult.Continue;
    }
}
