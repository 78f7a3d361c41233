using Microsoft.Extensions.Logging;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>Log messages of the transaction layer (event ids 2100-2119).</summary>
internal static partial class TransactionLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "{Side} transaction {Method} to/from {Remote} ended: {Failure}")]
    public static partial void Failed(ILogger logger, string side, string method, System.Net.IPEndPoint remote, TransactionFailure failure);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "request without a usable top Via or CSeq from {Remote} dropped by the transaction layer")]
    public static partial void InvalidRequest(ILogger logger, System.Net.IPEndPoint remote);

    public static string MethodName(SipMethod method) => method == SipMethod.Unknown ? "extension" : SipMethods.ToName(method);
}
