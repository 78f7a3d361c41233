using Switchboard.Config.Diagnostics;

namespace Switchboard.Config.Snapshot;

/// <summary>
/// A module's check of a candidate snapshot (e.g. the dialplan compiling extensions.conf). Errors it reports make
/// the load fail, so a reload with a broken file keeps the running configuration; all of them show in
/// <c>switchboard config check</c>.
/// </summary>
public interface IConfigValidator
{
    /// <summary>Checks the candidate and reports problems with file:line.</summary>
    void Validate(ConfigSnapshot candidate, DiagnosticBag diagnostics);
}
