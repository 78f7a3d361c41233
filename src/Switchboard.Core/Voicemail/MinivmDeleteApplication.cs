using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// MinivmDelete([filename]): deletes the recording MinivmRecord made (MVM_FILENAME when no file is named). Only
/// files inside the voicemail spool are deleted. Sets MVM_DELETE_STATUS (SUCCESS, FAILED).
/// </summary>
internal sealed class MinivmDeleteApplication(VoicemailService service) : IDialplanApplication
{
    public string Name => "MinivmDelete";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var vars = context.Channel.Variables;
        string file = AppArgs.At(AppArgs.Standard(args, 1), 0).Trim();
        if (file.Length == 0)
        {
            file = vars.Get("MVM_FILENAME") ?? string.Empty;
        }

        string status = "FAILED";
        if (file.Length == 0)
        {
            VoicemailLog.Failed(service.Log, Name, context.Channel.Name, "no file to delete (MVM_FILENAME is empty)");
        }
        else if (!service.Store.Contains(file))
        {
            VoicemailLog.Failed(service.Log, Name, context.Channel.Name, $"{file} is outside the voicemail spool; not deleted");
        }
        else
        {
            string[] candidates = Path.HasExtension(file) ? [file] : [file + ".wav", file + ".WAV", file + ".gsm"];
            foreach (var c in candidates)
            {
                try
                {
                    if (File.Exists(c))
                    {
                        File.Delete(c);
                        VoicemailLog.Deleted(service.Log, c);
                        status = "SUCCESS";
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    VoicemailLog.Failed(service.Log, Name, context.Channel.Name, ex.Message);
                }
            }
        }

        vars.Set("MVM_DELETE_STATUS", status);
        return ValueTask.FromResult(AppResult.Continue);
    }
}
