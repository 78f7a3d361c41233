namespace Switchboard.Control;

/// <summary>
/// The control socket's line protocol: the client sends one command per line (UTF-8, LF); for each command the server
/// writes the command's output followed by a terminator line <c>\0&lt;exit code&gt;\n</c>. A client sends
/// <c>quit</c> or closes the socket to end the session.
/// </summary>
internal static class ControlProtocol
{
    public const char Terminator = '\0';

    /// <summary>File name of the socket inside the run directory.</summary>
    public const string SocketFileName = "switchboard.ctl";

    /// <summary>Socket path for a data dir: &lt;data-dir&gt;/var/run/asterisk/switchboard.ctl.</summary>
    public static string SocketPath(string dataDir) => Path.Combine(dataDir, "var", "run", "asterisk", SocketFileName);
}
