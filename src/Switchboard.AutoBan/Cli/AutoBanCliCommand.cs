using Switchboard.AutoBan.Addressing;
using Switchboard.AutoBan.Policy;
using Switchboard.Core.Cli;

namespace Switchboard.AutoBan.Cli;

/// <summary>
/// The <c>autoban</c> CLI command with the reference's grammar: show/s, add/a, delete/del/d, list/ls/l, help.
/// <c>add DSETS = SRCS</c> and <c>del DSETS = SRCS</c>: the separator is any single argument of <c>: + - =</c>;
/// without it add's destination is blacklist and del's is all. A source is an address or a set name (its members);
/// <c>all</c> as del's destination means all five sets, as a source it empties the set.
/// </summary>
internal sealed class AutoBanCliCommand : ICliCommand
{
    private readonly BanPolicy _policy;

    public AutoBanCliCommand(BanPolicy policy) => _policy = policy;

    public IReadOnlyList<string> Words { get; } = ["autoban"];

    public string Summary => "Show or change AutoBan's watch, jail, parole, blacklist and whitelist";

    public string Usage => HelpText;

    internal const string HelpText = """
        Usage: autoban [show | add | delete | list | help] ...
          show                       table of all addresses with their remaining times (also: s, or no subcommand)
          add DSETS = SRCS           add addresses, or all members of named sets, to each destination set
                                     (also: a). Without a separator the destination is blacklist.
          delete DSETS = SRCS        remove addresses, or all members of named sets, from each destination set
                                     (also: del, d). Without a separator the destination is all. 'all' as
                                     destination means every set; 'all' as source empties the set.
          list [SETS]                members of one set (space separated) or of several/all sets (also: ls, l)
          help                       this text
        Sets: watch jail parole blacklist whitelist. The separator is any one of : + - =
        Timed sets get the configured times: watch = watchtime, jail = jailtime, parole = jailtime + watchtime.
        Examples:
          autoban add blacklist = 77.247.110.24 jail 62.210.151.21
          autoban add jail parole = watch
          autoban del jail parole = 37.49.230.37 blacklist
          autoban del all = 45.143.220.72
          autoban del all = all
        """;

    public ValueTask<int> ExecuteAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        string sub = args.Count == 0 ? "show" : args[0].ToLowerInvariant();
        var rest = args.Count == 0 ? [] : args.Skip(1).ToList();
        int rc = sub switch
        {
            "show" or "s" => Show(output),
            "add" or "a" => Add(rest, output),
            "delete" or "del" or "d" => Delete(rest, output),
            "list" or "ls" or "l" => List(rest, output),
            _ => Help(output),
        };
        return ValueTask.FromResult(rc);
    }

    private int Show(TextWriter output)
    {
        AutoBanShowTable.Write(output, _policy.Snapshot());
        return 0;
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(HelpText);
        return 0;
    }

    private int Add(List<string> args, TextWriter output)
    {
        SplitAtSeparator(args, out var dnames, out var sources, defaultDestination: "blacklist");
        if (!TryParseSets(dnames, allowAll: false, output, out var dsets) || !CheckSources(sources, output))
        {
            return 1;
        }

        int errors = 0;
        foreach (var (address, _) in ResolveSources(sources, output, ref errors))
        {
            foreach (var set in dsets)
            {
                _policy.Add(set, address);
                output.WriteLine($"Added {address} to {AutoBanSets.Name(set)}");
            }
        }

        return errors == 0 ? 0 : 1;
    }

    private int Delete(List<string> args, TextWriter output)
    {
        SplitAtSeparator(args, out var dnames, out var sources, defaultDestination: "all");
        if (!TryParseSets(dnames, allowAll: true, output, out var dsets) || !CheckSources(sources, output))
        {
            return 1;
        }

        int errors = 0;
        foreach (var source in sources)
        {
            if (string.Equals(source, "all", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var set in dsets)
                {
                    int n = _policy.Flush(set);
                    output.WriteLine($"Deleted {n} from {AutoBanSets.Name(set)}");
                }

                continue;
            }

            foreach (var (address, _) in ResolveSources([source], output, ref errors))
            {
                foreach (var set in dsets)
                {
                    if (_policy.Remove(set, address))
                    {
                        output.WriteLine($"Deleted {address} from {AutoBanSets.Name(set)}");
                    }
                }
            }
        }

        return errors == 0 ? 0 : 1;
    }

    private int List(List<string> args, TextWriter output)
    {
        if (args.Count == 1 && !IsAll(args[0]))
        {
            if (!AutoBanSets.TryParse(args[0], out var one))
            {
                output.WriteLine($"autoban: unknown set '{args[0]}' (sets: watch jail parole blacklist whitelist)");
                return 1;
            }

            output.WriteLine(string.Join(' ', _policy.Members(one)));
            return 0;
        }

        if (!TryParseSets(args.Count == 0 ? ["all"] : args, allowAll: true, output, out var sets))
        {
            return 1;
        }

        foreach (var set in sets)
        {
            var members = _policy.Members(set);
            output.WriteLine(members.Count == 0 ? $"{AutoBanSets.Name(set)}:" : $"{AutoBanSets.Name(set)}: {string.Join(' ', members)}");
        }

        return 0;
    }

    /// <summary>Addresses named directly or as members of a set (taken before any change), in order, without repeats.</summary>
    private List<(BanAddress Address, string Source)> ResolveSources(IEnumerable<string> sources, TextWriter output, ref int errors)
    {
        var result = new List<(BanAddress, string)>();
        var seen = new HashSet<BanAddress>();
        foreach (var source in sources)
        {
            if (AutoBanSets.TryParse(source, out var set))
            {
                foreach (var member in _policy.Members(set))
                {
                    if (seen.Add(member))
                    {
                        result.Add((member, source));
                    }
                }
            }
            else if (BanAddress.TryParse(source, _policy.Ipv6PrefixLength, out var address))
            {
                if (seen.Add(address))
                {
                    result.Add((address, source));
                }
            }
            else
            {
                output.WriteLine($"autoban: '{source}' is neither an IP address nor a set name - skipped");
                errors++;
            }
        }

        return result;
    }

    private static bool CheckSources(List<string> sources, TextWriter output)
    {
        if (sources.Count > 0)
        {
            return true;
        }

        output.WriteLine("autoban: no addresses or sets given (see 'autoban help')");
        return false;
    }

    private static void SplitAtSeparator(List<string> args, out List<string> destinations, out List<string> sources, string defaultDestination)
    {
        int sep = args.FindIndex(static a => a is ":" or "+" or "-" or "=");
        if (sep < 0)
        {
            destinations = [defaultDestination];
            sources = args;
            return;
        }

        destinations = args.GetRange(0, sep);
        sources = args.GetRange(sep + 1, args.Count - sep - 1);
        if (destinations.Count == 0)
        {
            destinations = [defaultDestination];
        }
    }

    private static bool TryParseSets(List<string> names, bool allowAll, TextWriter output, out List<AutoBanSet> sets)
    {
        sets = [];
        foreach (var name in names)
        {
            if (IsAll(name))
            {
                if (!allowAll)
                {
                    output.WriteLine("autoban: 'all' is not a destination for add; name the sets");
                    return false;
                }

                foreach (var s in AutoBanSets.All)
                {
                    if (!sets.Contains(s))
                    {
                        sets.Add(s);
                    }
                }
            }
            else if (AutoBanSets.TryParse(name, out var set))
            {
                if (!sets.Contains(set))
                {
                    sets.Add(set);
                }
            }
            else
            {
                output.WriteLine($"autoban: unknown set '{name}' (sets: watch jail parole blacklist whitelist, or all)");
                return false;
            }
        }

        return true;
    }

    private static bool IsAll(string name) => string.Equals(name, "all", StringComparison.OrdinalIgnoreCase);
}
