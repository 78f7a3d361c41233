using Switchboard.Manager.Protocol;
using Switchboard.Manager.Sessions;

namespace Switchboard.Manager.Actions;

/// <summary>What an action handler gets: the session, the request and the manager's services.</summary>
internal sealed class AmiActionContext(AmiSession session, AmiRequest request, ManagerContext manager, CancellationToken cancellationToken)
{
    public AmiSession Session { get; } = session;

    public AmiRequest Request { get; } = request;

    public ManagerContext Manager { get; } = manager;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public string? ActionId => Request.ActionId;

    public string? Header(string key) => Request.Get(key);

    public void Reply(AmiMessage message) => Session.Send(message);

    public void Success(string? message = null) => Reply(AmiMessage.Success(ActionId, message));

    public void Error(string message) => Reply(AmiMessage.Error(ActionId, message));

    /// <summary>Sends a list: the Success response with EventList start, the items, then the Complete event.</summary>
    public void List(string startMessage, string completeEvent, IReadOnlyList<AmiMessage> items, params KeyValuePair<string, string>[] completeFields)
    {
        Reply(AmiMessage.Success(ActionId).Add("EventList", "start").Add("Message", startMessage));
        foreach (var item in items)
        {
            Reply(item);
        }

        var done = AmiMessage.ListEvent(completeEvent, ActionId).Add("EventList", "Complete").Add("ListItems", items.Count);
        foreach (var f in completeFields)
        {
            done.Add(f.Key, f.Value);
        }

        Reply(done);
    }
}
