using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>Log messages of the PJSIP channel driver.</summary>
internal static partial class CallLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "New call {Channel} from endpoint {Endpoint} to {Exten}@{Context}")]
    public static partial void NewCall(ILogger log, string channel, string endpoint, string exten, string context);

    [LoggerMessage(Level = LogLevel.Information, Message = "Called {Target} as {Channel}")]
    public static partial void Dialing(ILogger log, string channel, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} answered")]
    public static partial void Answered(ILogger log, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} ended, cause {Cause}")]
    public static partial void ChannelEnded(ILogger log, string channel, int cause);

    [LoggerMessage(Level = LogLevel.Debug, Message = "BYE received on {Channel}")]
    public static partial void ByeReceived(ILogger log, string channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "BYE sent on {Channel} (cause {Cause})")]
    public static partial void ByeSent(ILogger log, string channel, int cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} cancelled by the caller")]
    public static partial void Cancelled(ILogger log, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: no RTP port: {Reason}")]
    public static partial void NoRtpPort(ILogger log, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: could not call {Target}: {Reason}")]
    public static partial void DialLegFailed(ILogger log, string channel, string target, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: Dial technology '{Technology}' is not supported")]
    public static partial void UnsupportedTechnology(ILogger log, string channel, string technology);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel}: nothing to dial for '{Args}' (no contacts)")]
    public static partial void NoContacts(ILogger log, string channel, string args);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: Local/{Resource} not called: no such extension/context")]
    public static partial void LocalUnavailable(ILogger log, string channel, string resource);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel}: dialplan failed")]
    public static partial void DialplanFailed(ILogger log, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bridge {Bridge}: {A} <-> {B} (media relayed: {Relayed})")]
    public static partial void Bridged(ILogger log, string bridge, string a, string b, bool relayed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bridge {Bridge} ended: {A} -> {B} {AToB} RTP packets, {B} -> {A} {BToA} RTP packets")]
    public static partial void BridgeEnded(ILogger log, string bridge, string a, string b, long aToB, long bToA);

    [LoggerMessage(Level = LogLevel.Information, Message = "CANCEL for {CallId} matched no call")]
    public static partial void CancelUnmatched(ILogger log, string callId);
}
