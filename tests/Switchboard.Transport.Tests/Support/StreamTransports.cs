using System.Net;
using Switchboard.Common.Buffers;
using Switchboard.Transport.Admission;
using Switchboard.Transport.Streams;
using Switchboard.Transport.Tcp;

namespace Switchboard.Transport.Tests.Support;

/// <summary>Builds stream transports on loopback with test defaults.</summary>
internal static class StreamTransports
{
    public static TcpTransport Tcp(
        string bind = "127.0.0.1:0",
        IAdmissionFilter? filter = null,
        TimeProvider? time = null,
        TimeSpan? idle = null,
        int maxMessage = 65536,
        int maxConnections = 10_000,
        int maxQueue = 1024 * 1024,
        IBufferPool? pool = null,
        bool listen = true) =>
        new(new StreamTransportOptions
        {
            Name = "tcp-test",
            BindEndPoint = IPEndPoint.Parse(bind),
            Framer = new TestFramer(),
            Listen = listen,
            AdmissionFilter = filter ?? AdmitAllFilter.Instance,
            TimeProvider = time ?? TimeProvider.System,
            IdleTimeout = idle ?? TimeSpan.FromMinutes(10),
            MaxMessageSize = maxMessage,
            MaxConnections = maxConnections,
            MaxSendQueueBytes = maxQueue,
            BufferPool = pool ?? ArrayBufferPool.Shared,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        });
}
