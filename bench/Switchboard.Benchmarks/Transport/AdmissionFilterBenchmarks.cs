using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Switchboard.Transport;
using Switchboard.Transport.Admission;
using Switchboard.Transport.Udp;

namespace Switchboard.Benchmarks.Transport;

/// <summary>
/// The per-datagram work of the UDP receive loop after the socket read: decode the sender from the reused
/// SocketAddress, ask the admission filter, hand the datagram to the handler (or drop it). Must allocate 0 bytes.
/// </summary>
[MemoryDiagnoser]
public class AdmissionFilterBenchmarks
{
    private readonly byte[] _datagram = new byte[600];
    private UdpTransport _transport = null!;
    private SocketAddress _admittedV4 = null!;
    private SocketAddress _bannedV4 = null!;
    private SocketAddress _admittedV6 = null!;
    private CountingHandler _handler = null!;
    private LocalTransportInfo _local = null!;

    [Params("admit-all", "ban-list-10k")]
    public string Filter { get; set; } = "admit-all";

    [GlobalSetup]
    public void Setup()
    {
        var filter = Filter == "admit-all" ? (IAdmissionFilter)AdmitAllFilter.Instance : new SampleBanFilter(10_000);
        var banned = IPAddress.Parse("203.0.113.66");
        if (filter is SampleBanFilter)
        {
            filter = new BlockOneMore(filter, banned.GetAddressBytes());
        }

        _transport = new UdpTransport(new UdpTransportOptions { BindEndPoint = new IPEndPoint(IPAddress.Loopback, 0), AdmissionFilter = filter });
        _local = _transport.Local;
        _handler = new CountingHandler();
        _admittedV4 = new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060).Serialize();
        _bannedV4 = new IPEndPoint(banned, 5060).Serialize();
        _admittedV6 = new IPEndPoint(IPAddress.Parse("2001:db8::10"), 5060).Serialize();
    }

    [Benchmark(Baseline = true)]
    public void AdmittedIPv4() => _transport.Deliver(_datagram, _admittedV4, _handler, _local);

    [Benchmark]
    public void AdmittedIPv6() => _transport.Deliver(_datagram, _admittedV6, _handler, _local);

    [Benchmark]
    public void DroppedIPv4() => _transport.Deliver(_datagram, _bannedV4, _handler, _local);

    private sealed class CountingHandler : ITransportHandler
    {
        public long Count;

        public void OnMessage(ReadOnlyMemory<byte> data, in RemotePeer peer, LocalTransportInfo local) => Count += data.Length;
    }

    private sealed class BlockOneMore(IAdmissionFilter inner, byte[] blocked) : IAdmissionFilter
    {
        public bool Admit(ReadOnlySpan<byte> address) => !address.SequenceEqual(blocked) && inner.Admit(address);
    }
}
