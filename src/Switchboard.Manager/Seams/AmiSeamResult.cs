namespace Switchboard.Manager.Seams;

/// <summary>Outcome of an action carried out by a seam: success (with optional fields) or an error message.</summary>
public sealed record AmiSeamResult(bool Success, string Message, IReadOnlyList<KeyValuePair<string, string>>? Fields = null)
{
    public static AmiSeamResult NotAvailable(string what) => new(false, what + " is not available");

    public static AmiSeamResult Ok(string message) => new(true, message);

    public static AmiSeamResult Fail(string message) => new(false, message);
}
