using Switchboard.TestKit.Net;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Infrastructure;

/// <summary>A headless baresip softphone (tools.md §2): own config dir, loopback only, null audio or a WAV source.</summary>
public sealed class Baresip : IAsyncDisposable
{
    private readonly ExternalProcess _process;

    private Baresip(ExternalProcess process, string dir, int port)
    {
        _process = process;
        Directory = dir;
        Port = port;
    }

    public static bool Available => ExternalTool.Exists("baresip");

    public string Directory { get; }

    public int Port { get; }

    public string Output => _process.Output + _process.Error;

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to end by itself (-t or a finished call), bounded by <paramref name="timeout"/>.</summary>
    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitAsync(timeout);

    /// <summary>Starts baresip registering <paramref name="account"/> (an accounts-file line).</summary>
    /// <param name="recordDir">With a directory, the sndfile module writes each call's audio there (dump-*-dec.wav = what was received).</param>
    /// <param name="command">A command run at start (-e), e.g. "/dial sip:200@127.0.0.1:5060".</param>
    public static Baresip Start(string account, int seconds = 30, string? audioSource = null, int? ctrlPort = null, string? recordDir = null, string? command = null)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("baresip-").FullName;
        int port = FreePort.UdpAndTcp();
        while (!IsFree(port + 1))
        {
            port = FreePort.UdpAndTcp();
        }

        var config = $"""
            poll_method      epoll
            sip_listen       127.0.0.1:{port}
            net_interface    127.0.0.1
            audio_player     alsa,null
            audio_source     {(audioSource is null ? "alsa,null" : "aufile," + audioSource)}
            audio_alert      alsa,null
            module_path      /usr/lib/baresip/modules
            module           g711.so
            module           alsa.so
            module           aufile.so
            module_tmp       account.so
            module_app       menu.so
            {(ctrlPort is null ? string.Empty : "module_app       ctrl_tcp.so\nctrl_tcp_listen  127.0.0.1:" + ctrlPort)}
            {(recordDir is null ? string.Empty : "module           sndfile.so\nsnd_path         " + recordDir)}
            """;
        File.WriteAllText(Path.Combine(dir, "config"), config);
        File.WriteAllText(Path.Combine(dir, "accounts"), account + "\n");
        string[] args = command is null
            ? ["-f", dir, "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : ["-f", dir, "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", command];
        var p = ExternalProcess.Start("baresip", args, dir, redirectStdin: true);
        return new Baresip(p, dir, port);
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            s.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, true);
        }
        catch (IOException)
        {
        }
    }
}
