using System.Net;
using BenchmarkDotNet.Attributes;
using Switchboard.AutoBan.Addressing;
using Switchboard.AutoBan.Enforcement;

namespace Switchboard.Benchmarks.AutoBan;

/// <summary>
/// AutoBan's per-packet cost: one admission check against 10,000 jailed IPv4 and 10,000 jailed IPv6 addresses, for
/// an address that is admitted and one that is dropped. Budget: 0 bytes allocated.
/// </summary>
[MemoryDiagnoser]
public class AdmissionFilterBenchmarks
{
    private readonly AutoBanAdmissionFilter _filter = new();
    private readonly AutoBanAdmissionFilter _empty = new();
    private readonly byte[] _freeV4 = IPAddress.Parse("192.0.2.1").GetAddressBytes();
    private readonly byte[] _jailedV4 = IPAddress.Parse("10.0.19.136").GetAddressBytes();
    private readonly byte[] _freeV6 = IPAddress.Parse("2001:db8:ffff::1").GetAddressBytes();
    private readonly byte[] _jailedV6 = IPAddress.Parse("2001:db8::1388").GetAddressBytes();

    [GlobalSetup]
    public void Setup()
    {
        for (uint i = 0; i < 10_000; i++)
        {
            _filter.SetBlocked(BanAddress.FromV4(0x0A000000u + i), true);
            _filter.SetBlocked(BanAddress.FromV6(((UInt128)0x20010db8u << 96) + i), true);
        }

        _filter.Publish();
    }

    [Benchmark(Baseline = true)]
    public bool NoBans_V4() => _empty.Admit(_freeV4);

    [Benchmark]
    public bool Admitted_V4() => _filter.Admit(_freeV4);

    [Benchmark]
    public bool Jailed_V4() => _filter.Admit(_jailedV4);

    [Benchmark]
    public bool Admitted_V6() => _filter.Admit(_freeV6);

    [Benchmark]
    public bool Jailed_V6() => _filter.Admit(_jailedV6);
}
