namespace Switchboard.Dialplan.Agi;

/// <summary>Values of ${AGISTATUS} after AGI() returns.</summary>
internal static class AgiStatus
{
    public const string Success = "SUCCESS";
    public const string Failure = "FAILURE";
    public const string NotFound = "NOTFOUND";
    public const string Hangup = "HANGUP";
}
