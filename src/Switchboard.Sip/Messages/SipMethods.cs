using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>Maps method bytes to <see cref="SipMethod"/> and back. Methods are case-sensitive (RFC 3261 §7.1).</summary>
public static class SipMethods
{
    /// <summary>Identifies a method token; returns <see cref="SipMethod.Unknown"/> for extension methods.</summary>
    public static SipMethod Parse(ReadOnlySpan<byte> token) => token.Length switch
    {
        3 when token.SequenceEqual("ACK"u8) => SipMethod.Ack,
        3 when token.SequenceEqual("BYE"u8) => SipMethod.Bye,
        4 when token.SequenceEqual("INFO"u8) => SipMethod.Info,
        5 when token.SequenceEqual("PRACK"u8) => SipMethod.Prack,
        5 when token.SequenceEqual("REFER"u8) => SipMethod.Refer,
        6 when token.SequenceEqual("INVITE"u8) => SipMethod.Invite,
        6 when token.SequenceEqual("CANCEL"u8) => SipMethod.Cancel,
        6 when token.SequenceEqual("NOTIFY"u8) => SipMethod.Notify,
        6 when token.SequenceEqual("UPDATE"u8) => SipMethod.Update,
        7 when token.SequenceEqual("OPTIONS"u8) => SipMethod.Options,
        7 when token.SequenceEqual("MESSAGE"u8) => SipMethod.Message,
        7 when token.SequenceEqual("PUBLISH"u8) => SipMethod.Publish,
        8 when token.SequenceEqual("REGISTER"u8) => SipMethod.Register,
        9 when token.SequenceEqual("SUBSCRIBE"u8) => SipMethod.Subscribe,
        _ => SipMethod.Unknown,
    };

    /// <summary>The canonical method token; empty for <see cref="SipMethod.Unknown"/>.</summary>
    public static ReadOnlySpan<byte> ToBytes(SipMethod method) => method switch
    {
        SipMethod.Invite => "INVITE"u8,
        SipMethod.Ack => "ACK"u8,
        SipMethod.Bye => "BYE"u8,
        SipMethod.Cancel => "CANCEL"u8,
        SipMethod.Register => "REGISTER"u8,
        SipMethod.Options => "OPTIONS"u8,
        SipMethod.Info => "INFO"u8,
        SipMethod.Prack => "PRACK"u8,
        SipMethod.Subscribe => "SUBSCRIBE"u8,
        SipMethod.Notify => "NOTIFY"u8,
        SipMethod.Update => "UPDATE"u8,
        SipMethod.Message => "MESSAGE"u8,
        SipMethod.Refer => "REFER"u8,
        SipMethod.Publish => "PUBLISH"u8,
        _ => default,
    };

    /// <summary>The canonical method name as a string (for logs and the edges).</summary>
    public static string ToName(SipMethod method) => method switch
    {
        SipMethod.Invite => "INVITE",
        SipMethod.Ack => "ACK",
        SipMethod.Bye => "BYE",
        SipMethod.Cancel => "CANCEL",
        SipMethod.Register => "REGISTER",
        SipMethod.Options => "OPTIONS",
        SipMethod.Info => "INFO",
        SipMethod.Prack => "PRACK",
        SipMethod.Subscribe => "SUBSCRIBE",
        SipMethod.Notify => "NOTIFY",
        SipMethod.Update => "UPDATE",
        SipMethod.Message => "MESSAGE",
        SipMethod.Refer => "REFER",
        SipMethod.Publish => "PUBLISH",
        _ => "",
    };

    /// <summary>True when the token is a syntactically valid method (RFC 3261 extension-method = token).</summary>
    public static bool IsValidToken(ReadOnlySpan<byte> token) => SipAscii.IsTokenSpan(token);
}
