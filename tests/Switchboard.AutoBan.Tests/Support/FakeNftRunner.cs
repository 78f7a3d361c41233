using Switchboard.AutoBan.Enforcement;
using Switchboard.Common.Nft;

namespace Switchboard.AutoBan.Tests.Support;

/// <summary>Records every nft script; fails scripts for which <see cref="FailWhen"/> says so.</summary>
internal sealed class FakeNftRunner : INftRunner
{
    private readonly Lock _gate = new();
    private readonly List<string> _scripts = [];

    public Func<string, bool> FailWhen { get; set; } = _ => false;

    /// <summary>When set, each run waits for it (to queue changes while a batch is in flight).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public IReadOnlyList<string> Scripts
    {
        get
        {
            lock (_gate)
            {
                return _scripts.ToArray();
            }
        }
    }

    public string All => string.Concat(Scripts);

    public async Task<NftResult> RunAsync(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        Assert.Equal(["-f", "-"], arguments);
        var script = standardInput ?? "";
        lock (_gate)
        {
            _scripts.Add(script);
        }

        if (Gate is { } gate)
        {
            await gate.Task.ConfigureAwait(false);
        }

        return FailWhen(script) ? new NftResult(1, "", "/dev/stdin:1:1-5: Error: refused by fake\n") : new NftResult(0, "", "");
    }
}
