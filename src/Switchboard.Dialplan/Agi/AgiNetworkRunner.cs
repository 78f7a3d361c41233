using System.Net.Sockets;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Agi;

/// <summary>FastAGI: connects to <c>agi://host:port/script</c> and runs the session over the TCP connection.</summary>
internal static class AgiNetworkRunner
{
    /// <summary>How long a FastAGI server may take to accept the connection.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public static async Task<string> RunAsync(DialplanContext context, AgiTarget target, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        using var client = new TcpClient(target.Host.Contains(':', StringComparison.Ordinal) ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork) { NoDelay = true };
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(ConnectTimeout);
            try
            {
                await client.ConnectAsync(target.Host, target.Port, connect.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                AgiLog.ConnectFailed(context.Logger, target.Host, target.Port, target.Request, "timed out");
                return AgiStatus.Failure;
            }
            catch (SocketException e)
            {
                AgiLog.ConnectFailed(context.Logger, target.Host, target.Port, target.Request, e.Message);
                return AgiStatus.Failure;
            }
        }

        await using var stream = client.GetStream();
        var session = new AgiSession(context, stream, stream, isNetwork: true, abort: () => client.Close());
        await session.RunAsync(AgiEnvironment.Build(context, target, args), cancellationToken).ConfigureAwait(false);
        var status = context.Channel.IsHungUp ? AgiStatus.Hangup : AgiStatus.Success;
        AgiLog.Completed(context.Logger, target.Request, context.Channel.Name, status, session.CommandCount);
        return status;
    }
}
