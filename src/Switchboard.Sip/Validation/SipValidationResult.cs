namespace Switchboard.Sip.Validation;

/// <summary>
/// The outcome of <see cref="RequestValidator.Validate"/>: <see cref="StatusCode"/> 0 means acceptable, otherwise
/// the response the RFC prescribes and a Reason-Phrase naming the problem.
/// </summary>
public readonly record struct SipValidationResult(int StatusCode, string Reason, SipValidationFailure Failure)
{
    /// <summary>The request may be processed.</summary>
    public static SipValidationResult Ok => default;

    /// <summary>True when the request may be processed.</summary>
    public bool IsOk => StatusCode == 0;

    internal static SipValidationResult Bad(string reason, SipValidationFailure failure) => new(400, reason, failure);
}
