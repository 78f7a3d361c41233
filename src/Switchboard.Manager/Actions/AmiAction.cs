using Switchboard.Manager.Config;

namespace Switchboard.Manager.Actions;

/// <summary>One AMI action: its name, the write classes that allow it (None: any logged-in user) and its handler.</summary>
internal sealed class AmiAction(string name, AmiClass privilege, string synopsis, Func<AmiActionContext, ValueTask> handler)
{
    public string Name { get; } = name;

    public AmiClass Privilege { get; } = privilege;

    public string Synopsis { get; } = synopsis;

    /// <summary>True for actions allowed before login (Login, Challenge, Logoff).</summary>
    public bool AllowedBeforeLogin { get; init; }

    public ValueTask ExecuteAsync(AmiActionContext context) => handler(context);

    public static AmiAction Sync(string name, AmiClass privilege, string synopsis, Action<AmiActionContext> handler)
        => new(name, privilege, synopsis, c =>
        {
            handler(c);
            return ValueTask.CompletedTask;
        });
}
