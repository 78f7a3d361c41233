using Switchboard.Config.Diagnostics;

namespace Switchboard.AutoBan.Configuration;

/// <summary>The result of reading autoban.conf: the options and every problem found (file:line).</summary>
public sealed record AutoBanConfig(AutoBanOptions Options, IReadOnlyList<ConfigDiagnostic> Diagnostics);
