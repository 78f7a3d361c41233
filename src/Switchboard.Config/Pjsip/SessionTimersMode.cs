namespace Switchboard.Config.Pjsip;

/// <summary><c>timers=</c> (RFC 4028 session timers).</summary>
public enum SessionTimersMode
{
    No,
    Yes,
    Required,

    /// <summary>Always use session timers (<c>always</c> or <c>forced</c>).</summary>
    Always,
}
