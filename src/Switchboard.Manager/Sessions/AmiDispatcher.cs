using Switchboard.Manager.Actions;
using Switchboard.Manager.Protocol;

namespace Switchboard.Manager.Sessions;

/// <summary>Routes one request to its action after the login and permission checks, answering errors as Asterisk does.</summary>
internal sealed class AmiDispatcher(ManagerContext manager)
{
    public async ValueTask DispatchAsync(AmiSession session, AmiRequest request, CancellationToken cancellationToken)
    {
        var name = request.Action;
        if (name.Length == 0)
        {
            session.Send(AmiMessage.Error(request.ActionId, "Missing action in request"));
            return;
        }

        var action = manager.Actions.Find(name);
        if (!session.IsAuthenticated && (action is null || !action.AllowedBeforeLogin))
        {
            session.Send(AmiMessage.Error(request.ActionId, "Permission denied"));
            return;
        }

        if (action is null)
        {
            session.Send(AmiMessage.Error(request.ActionId, $"Invalid/unknown command: {name}. Use Action: ListCommands to show available commands."));
            return;
        }

        if (action.Privilege != Config.AmiClass.None && session.User is { } user && (user.Write & action.Privilege) == 0)
        {
            session.Send(AmiMessage.Error(request.ActionId, "Permission denied"));
            return;
        }

        await action.ExecuteAsync(new AmiActionContext(session, request, manager, cancellationToken)).ConfigureAwait(false);
    }
}
