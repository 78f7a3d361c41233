namespace Switchboard.Sdp;

/// <summary>RFC 3605 a=rtcp:&lt;port&gt; [IN IP4 &lt;address&gt;].</summary>
public sealed class RtcpAttribute
{
    public RtcpAttribute(int port, SdpConnection? connection = null)
    {
        Port = port;
        Connection = connection;
    }

    public int Port { get; }

    /// <summary>Optional address for RTCP when it differs from the media's c= address.</summary>
    public SdpConnection? Connection { get; }
}
