using System.Collections.Concurrent;
using System.Diagnostics;
using Switchboard.TestKit.Netns;

namespace Switchboard.AutoBan.Tests.Support;

/// <summary>
/// A python3 UDP listener (dual stack, <c>[::]:port</c>) inside a namespace that prints every datagram it gets as
/// one line; exits after <c>stop</c> or when idle for the given time.
/// </summary>
internal sealed class UdpListenerProcess : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private const string ListenerScript = """
        import socket, sys
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.bind(("::", int(sys.argv[1])))
        s.settimeout(float(sys.argv[2]))
        print("ready", flush=True)
        while True:
            try:
                d, a = s.recvfrom(2048)
            except socket.timeout:
                break
            print(d.decode(), flush=True)
            if d == b"stop":
                break
        """;

    private const string SenderScript = "import socket,sys; f=socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET; socket.socket(f, socket.SOCK_DGRAM).sendto(sys.argv[3].encode(), (sys.argv[1], int(sys.argv[2])))";

    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _all = new();

    public UdpListenerProcess(NetworkNamespace ns, int port, TimeSpan idle)
    {
        Port = port;
        _process = ns.Start(Python, "-c", ListenerScript, port.ToString(System.Globalization.CultureInfo.InvariantCulture), idle.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _all.Enqueue(line);
                _lines.Add(line);
            }
        };
        _process.BeginOutputReadLine();
        if (!WaitFor("ready", TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException("UDP listener did not start: " + _process.StandardError.ReadToEnd());
        }
    }

    public int Port { get; }

    public IReadOnlyCollection<string> Received => _all.ToArray();

    /// <summary>Sends one datagram from <paramref name="from"/> (a namespace) to <paramref name="host"/>.</summary>
    public static void Send(NetworkNamespace from, string host, int port, string message)
    {
        var r = from.Run(Python, ["-c", SenderScript, host, port.ToString(System.Globalization.CultureInfo.InvariantCulture), message]);
        if (!r.Success)
        {
            throw new InvalidOperationException("send failed: " + r.Error);
        }
    }

    /// <summary>Waits until the listener printed <paramref name="line"/>.</summary>
    public bool WaitFor(string line, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out var got, left))
            {
                return false;
            }

            if (got == line)
            {
                return true;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _lines.Dispose();
    }
}
