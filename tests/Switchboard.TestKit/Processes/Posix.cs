using System.Runtime.InteropServices;

namespace Switchboard.TestKit.Processes;

internal static partial class Posix
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);
}
