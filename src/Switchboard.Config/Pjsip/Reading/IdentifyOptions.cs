using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip.Values;

namespace Switchboard.Config.Pjsip.Reading;

/// <summary>The identify options we read.</summary>
internal static class IdentifyOptions
{
    public static OptionTable<PjsipIdentify> Table { get; } = new OptionTable<PjsipIdentify>()
        .Add("endpoint", (o, e, r) => o with { Endpoint = e.Value })
        .Add("match", Match)
        .Add("match_header", (o, e, r) => o with { MatchHeader = e.Value })
        .Add("match_request_uri", (o, e, r) => o with { MatchRequestUri = e.Value })
        .Add("srv_lookups", (o, e, r) => o with { SrvLookups = r.Bool(e, o.SrvLookups) });

    private static PjsipIdentify Match(PjsipIdentify o, ConfEntry e, OptionReader r)
    {
        var matches = new List<IdentifyMatch>(o.Matches);
        foreach (var item in OptionReader.List(e.Value))
        {
            if (IdentifyMatch.TryParse(item, out var m, out var error))
            {
                matches.Add(m!);
            }
            else
            {
                r.Error(e, $"bad value for match: {error}");
            }
        }

        return o with { Matches = matches.ToArray() };
    }
}
