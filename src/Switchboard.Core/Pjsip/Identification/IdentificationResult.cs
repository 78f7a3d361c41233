using Switchboard.Config.Pjsip;

namespace Switchboard.Core.Pjsip.Identification;

/// <summary>The endpoint a request was identified as (null when none), how, and the From user for reporting.</summary>
public readonly record struct IdentificationResult(PjsipEndpoint? Endpoint, string Method, string FromUser);
