using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Return([value]): back to the priority after the Gosub; LOCAL variables are restored and ${GOSUB_RETVAL} set.</summary>
internal sealed class ReturnApplication : IDialplanApplication
{
    public string Name => "Return";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var frame = context.PopFrame();
        if (frame is null)
        {
            return ValueTask.FromResult(AppResult.Error("Return without Gosub: stack is empty"));
        }

        context.Channel.Variables.Set("GOSUB_RETVAL", args);
        return ValueTask.FromResult(AppResult.Goto(frame.ReturnTo));
    }
}
