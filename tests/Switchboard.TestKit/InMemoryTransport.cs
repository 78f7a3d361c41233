using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Switchboard.Transport;
using Switchboard.Transport.Admission;

namespace Switchboard.TestKit;

/// <summary>
/// A socket-free <see cref="ITransport"/> for tests of the layers above Transport: <see cref="Deliver(ReadOnlySpan{byte}, PeerAddress)"/>
/// injects a message as if received; everything sent is recorded (<see cref="Sent"/>, <see cref="NextSentAsync"/>)
/// and, when attached to an <see cref="InMemoryNetwork"/>, routed to the transport at the destination address.
/// Stream protocols are simulated without connections (<see cref="RemotePeer.Connection"/> is null).
/// </summary>
public sealed class InMemoryTransport : ITransport
{
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly SemaphoreSlim _sentSignal = new(0);
    private readonly InMemoryNetwork? _network;
    private IAdmissionFilter _filter = AdmitAllFilter.Instance;
    private ITransportHandler? _handler;
    private bool _stopped;

    public InMemoryTransport(
        string name = "udp",
        TransportProtocol protocol = TransportProtocol.Udp,
        IPEndPoint? localEndPoint = null,
        InMemoryNetwork? network = null)
    {
        Name = name;
        Protocol = protocol;
        Local = new LocalTransportInfo(this, name, protocol, localEndPoint ?? new IPEndPoint(IPAddress.Loopback, 5060));
        _network = network;
        network?.Attach(this);
    }

    public string Name { get; }

    public TransportProtocol Protocol { get; }

    public LocalTransportInfo Local { get; }

    public TransportCounters Counters { get; } = new();

    public IAdmissionFilter AdmissionFilter
    {
        get => _filter;
        set => _filter = value ?? AdmitAllFilter.Instance;
    }

    /// <summary>Sent messages not yet taken by <see cref="TryTakeSent"/> or <see cref="NextSentAsync"/>, oldest first.</summary>
    public IReadOnlyCollection<SentMessage> Sent => _sent;

    /// <summary>What <see cref="Send"/> reports; set to simulate failures (the message is then not recorded).</summary>
    public SendStatus NextSendStatus { get; set; } = SendStatus.Sent;

    public bool IsStarted => _handler is not null && !_stopped;

    public void Start(ITransportHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_handler is not null)
        {
            throw new InvalidOperationException($"Transport {Name} is already started.");
        }

        _handler = handler;
    }

    /// <summary>Injects a received message. Returns false when dropped (not started, stopped, or filtered).</summary>
    public bool Deliver(ReadOnlySpan<byte> data, PeerAddress from)
    {
        var handler = _handler;
        if (handler is null || _stopped)
        {
            return false;
        }

        Span<byte> raw = stackalloc byte[16];
        int length = from.WriteAddressBytes(raw);
        if (!_filter.Admit(raw[..length]))
        {
            Counters.Dropped();
            return false;
        }

        Counters.Received(data.Length);
        handler.OnMessage(data.ToArray(), new RemotePeer(from), Local);
        return true;
    }

    public bool Deliver(string message, PeerAddress from) => Deliver(Encoding.UTF8.GetBytes(message), from);

    public SendStatus Send(ReadOnlySpan<byte> data, in RemotePeer destination, string? serverName = null)
    {
        if (_stopped)
        {
            return SendStatus.Closed;
        }

        var status = NextSendStatus;
        if (status is not (SendStatus.Sent or SendStatus.Queued))
        {
            Counters.SendError();
            return status;
        }

        var copy = data.ToArray();
        _sent.Enqueue(new SentMessage(copy, destination.Address, serverName));
        Counters.Sent(copy.Length);
        _sentSignal.Release();
        _network?.Route(Local.Address, destination.Address, copy);
        return status;
    }

    public ValueTask<SendStatus> SendAsync(
        ReadOnlyMemory<byte> data,
        RemotePeer destination,
        string? serverName = null,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Send(data.Span, destination, serverName));

    /// <summary>Removes and returns the oldest sent message not yet taken.</summary>
    public bool TryTakeSent(out SentMessage message)
    {
        if (_sent.TryDequeue(out message!))
        {
            _sentSignal.Wait(0);
            return true;
        }

        return false;
    }

    /// <summary>Waits (bounded) for the next sent message and takes it.</summary>
    public async Task<SentMessage> NextSentAsync(TimeSpan timeout)
    {
        if (!await _sentSignal.WaitAsync(timeout).ConfigureAwait(false))
        {
            throw new TimeoutException($"Transport {Name}: nothing was sent within {timeout}.");
        }

        if (!_sent.TryDequeue(out var message))
        {
            throw new InvalidOperationException("Sent queue and signal out of step.");
        }

        return message;
    }

    public ValueTask StopAsync()
    {
        _stopped = true;
        _network?.Detach(this);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => StopAsync();
}
