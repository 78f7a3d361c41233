namespace Switchboard.Interop.Tests.Infrastructure;

/// <summary>Interop tests that run real peers are serialised (2-core CI machine, shared loopback).</summary>
[CollectionDefinition("sipp", DisableParallelization = true)]
public sealed class SippCollection
{
}
