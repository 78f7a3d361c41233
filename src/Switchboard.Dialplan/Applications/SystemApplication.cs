using System.Diagnostics;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// System(command): runs a shell command only when <c>allow_system = yes</c> is in [general] of
/// extensions.conf; otherwise logs why not. A shell in a hardened image is an attack surface, so it is off by
/// default. Sets ${SYSTEMSTATUS}: SUCCESS, FAILURE (could not run, or disabled) or APPERROR (non-zero exit).
/// </summary>
internal sealed class SystemApplication : IDialplanApplication
{
    public string Name => "System";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var vars = context.Channel.Variables;
        if (!context.Dialplan.Settings.AllowSystem)
        {
            DialplanLog.SystemDisabled(context.Logger, args, context.Channel.Name);
            vars.Set("SYSTEMSTATUS", "FAILURE");
            return AppResult.Continue;
        }

        DialplanLog.SystemEnabled(context.Logger, args, context.Channel.Name);
        try
        {
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(args);
            using var process = Process.Start(start);
            if (process is null)
            {
                vars.Set("SYSTEMSTATUS", "FAILURE");
                return AppResult.Continue;
            }

            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            vars.Set("SYSTEMSTATUS", process.ExitCode == 0 ? "SUCCESS" : "APPERROR");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            DialplanLog.LogWarning(context.Logger, $"System({args}) could not run: {e.Message}");
            vars.Set("SYSTEMSTATUS", "FAILURE");
        }

        return AppResult.Continue;
    }
}
