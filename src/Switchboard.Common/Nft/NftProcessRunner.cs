using System.Diagnostics;

namespace Switchboard.Common.Nft;

/// <summary>
/// Starts nft as a child process (no shell): <c>fileName prefix... arguments...</c>. The prefix lets tests run it in
/// a network namespace (<c>ip netns exec NAME nft</c>). A run that takes longer than the timeout is killed.
/// </summary>
public sealed class NftProcessRunner : INftRunner
{
    private readonly string _fileName;
    private readonly string[] _prefix;
    private readonly TimeSpan _timeout;

    public NftProcessRunner(string fileName = "nft", IReadOnlyList<string>? prefixArguments = null, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        _fileName = fileName;
        _prefix = prefixArguments?.ToArray() ?? [];
        _timeout = timeout ?? TimeSpan.FromSeconds(15);
    }

    /// <summary>A runner that executes nft inside the network namespace <paramref name="name"/>.</summary>
    public static NftProcessRunner InNamespace(string name, string nft = "nft") => new("ip", ["netns", "exec", name, nft]);

    public Task<NftResult> RunAsync(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
        => RunAsync(arguments, standardInput, null, cancellationToken);

    public Task<NftResult> RunLinesAsync(IReadOnlyList<string> arguments, Action<string> onLine, CancellationToken cancellationToken)
        => RunAsync(arguments, null, onLine ?? throw new ArgumentNullException(nameof(onLine)), cancellationToken);

    private async Task<NftResult> RunAsync(IReadOnlyList<string> arguments, string? standardInput, Action<string>? onLine, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(_fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in _prefix)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = new Process { StartInfo = psi };
        process.Start();
        var stdout = onLine is null ? process.StandardOutput.ReadToEndAsync(cancellationToken) : ReadLinesAsync(process.StandardOutput, onLine, cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            await WriteInputAsync(process, standardInput, timeout.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryKill(process);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return new NftResult(-1, "", $"nft did not finish within {_timeout.TotalSeconds:0} s and was killed");
        }

        return new NftResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static async Task<string> ReadLinesAsync(StreamReader output, Action<string> onLine, CancellationToken cancellationToken)
    {
        while (await output.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            onLine(line);
        }

        return "";
    }

    private static async Task WriteInputAsync(Process process, string? input, CancellationToken cancellationToken)
    {
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // nft stopped reading (it failed early); its exit code and stderr tell why.
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }
}
