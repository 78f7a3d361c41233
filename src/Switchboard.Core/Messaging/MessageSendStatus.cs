namespace Switchboard.Core.Messaging;

/// <summary>MESSAGE_SEND_STATUS values (Asterisk's words).</summary>
public enum MessageSendStatus
{
    Success,
    Failure,
    InvalidProtocol,
    InvalidUri,
}

/// <summary>Text forms of <see cref="MessageSendStatus"/>.</summary>
public static class MessageSendStatuses
{
    public static string ToText(MessageSendStatus status) => status switch
    {
        MessageSendStatus.Success => "SUCCESS",
        MessageSendStatus.InvalidProtocol => "INVALID_PROTOCOL",
        MessageSendStatus.InvalidUri => "INVALID_URI",
        _ => "FAILURE",
    };
}
