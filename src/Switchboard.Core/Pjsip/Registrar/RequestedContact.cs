namespace Switchboard.Core.Pjsip.Registrar;

/// <summary>One Contact of a REGISTER with its effective expiry (seconds; 0 = remove) and q value.</summary>
public readonly record struct RequestedContact(string Uri, int Expires, double Q);
