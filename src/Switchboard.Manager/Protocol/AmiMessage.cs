using System.Text;

namespace Switchboard.Manager.Protocol;

/// <summary>
/// Builds one outgoing AMI message (response or event): <c>Key: Value</c> lines ending in CRLF and a blank line.
/// Every key and value is cleaned with <see cref="AmiText"/>, so no value can add a line.
/// </summary>
public sealed class AmiMessage
{
    private readonly StringBuilder _text = new(128);

    private AmiMessage()
    {
    }

    /// <summary><c>Response: Success</c> (with the ActionID echoed when there is one).</summary>
    public static AmiMessage Success(string? actionId, string? message = null) => Response("Success", actionId, message);

    /// <summary><c>Response: Error</c> with a <c>Message:</c>.</summary>
    public static AmiMessage Error(string? actionId, string message) => Response("Error", actionId, message);

    public static AmiMessage Response(string response, string? actionId, string? message = null)
    {
        var m = new AmiMessage().Add("Response", response);
        if (actionId is not null)
        {
            m.Add("ActionID", actionId);
        }

        if (message is not null)
        {
            m.Add("Message", message);
        }

        return m;
    }

    /// <summary>An event message: <c>Event: Name</c> (add Privilege etc. after it).</summary>
    public static AmiMessage Event(string name) => new AmiMessage().Add("Event", name);

    /// <summary>An event in a list answering an action: <c>Event</c> then the <c>ActionID</c>.</summary>
    public static AmiMessage ListEvent(string name, string? actionId)
    {
        var m = Event(name);
        if (actionId is not null)
        {
            m.Add("ActionID", actionId);
        }

        return m;
    }

    public AmiMessage Add(string key, string? value)
    {
        _text.Append(AmiText.CleanKey(key)).Append(": ").Append(AmiText.Clean(value)).Append("\r\n");
        return this;
    }

    public AmiMessage Add(string key, long value) => Add(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The message text including the blank line that ends it.</summary>
    public override string ToString() => _text + "\r\n";
}
