namespace Switchboard.Core.Channels;

/// <summary>
/// What a channel that was dialled shows as its application until it runs dialplan of its own (core show channels,
/// pjsip show channels, AMI, CDR lastapp): app_dial marks its callees <c>AppDial</c>, the dial API behind originate
/// and call files marks the originated channel <c>AppDial2</c>, both with the data <c>(Outgoing Line)</c>.
/// </summary>
internal static class OutgoingLine
{
    public const string Data = "(Outgoing Line)";

    /// <summary>A callee of Dial().</summary>
    public static void MarkDialed(Channel channel) => Mark(channel, "AppDial");

    /// <summary>A channel placed by originate or a call file.</summary>
    public static void MarkOriginated(Channel channel) => Mark(channel, "AppDial2");

    private static void Mark(Channel channel, string application)
    {
        channel.Application = application;
        channel.ApplicationData = Data;
        channel.LastApplication = application;
        channel.LastApplicationData = Data;
    }
}
