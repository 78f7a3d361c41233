using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Validation;

/// <summary>What the receiving element understands, for <see cref="RequestValidator"/>.</summary>
public sealed class RequestValidationPolicy
{
    private readonly byte[][] _supportedTags;

    /// <summary>Creates a policy.</summary>
    /// <param name="supportedOptionTags">Option tags this element supports (Require check, RFC 3261 §8.2.2.3).</param>
    /// <param name="knownMethods">Methods this element implements; others get 501.</param>
    /// <param name="endpointMethods">Methods answered here even with Max-Forwards 0 (RFC 4475 §3.3.11); others get 483.</param>
    /// <param name="acceptTel">Whether tel: Request-URIs are accepted (otherwise 416).</param>
    public RequestValidationPolicy(IEnumerable<string> supportedOptionTags, IEnumerable<SipMethod> knownMethods, IEnumerable<SipMethod> endpointMethods, bool acceptTel = false)
    {
        ArgumentNullException.ThrowIfNull(supportedOptionTags);
        ArgumentNullException.ThrowIfNull(knownMethods);
        ArgumentNullException.ThrowIfNull(endpointMethods);
        _supportedTags = supportedOptionTags.Select(t => Encoding.ASCII.GetBytes(t)).ToArray();
        foreach (SipMethod m in knownMethods)
        {
            KnownMethods |= Bit(m);
        }

        foreach (SipMethod m in endpointMethods)
        {
            EndpointMethods |= Bit(m);
        }

        AcceptTel = acceptTel;
    }

    /// <summary>A PBX default: the methods Switchboard implements, OPTIONS and REGISTER answered locally.</summary>
    public static RequestValidationPolicy Default { get; } = new(
        ["replaces", "timer", "path", "outbound", "100rel"],
        [SipMethod.Invite, SipMethod.Ack, SipMethod.Bye, SipMethod.Cancel, SipMethod.Register, SipMethod.Options,
         SipMethod.Info, SipMethod.Prack, SipMethod.Subscribe, SipMethod.Notify, SipMethod.Update, SipMethod.Message,
         SipMethod.Refer, SipMethod.Publish],
        [SipMethod.Options, SipMethod.Register]);

    /// <summary>Bit set of implemented methods (bit = 1 &lt;&lt; (int)method).</summary>
    public int KnownMethods { get; }

    /// <summary>Bit set of methods answered locally regardless of Max-Forwards.</summary>
    public int EndpointMethods { get; }

    /// <summary>Whether tel: URIs are acceptable Request-URIs.</summary>
    public bool AcceptTel { get; }

    /// <summary>True when <paramref name="method"/> is implemented.</summary>
    public bool IsKnown(SipMethod method) => method != SipMethod.Unknown && (KnownMethods & Bit(method)) != 0;

    /// <summary>True when the option tag is supported (case-insensitive).</summary>
    public bool SupportsTag(ReadOnlySpan<byte> tag)
    {
        foreach (byte[] t in _supportedTags)
        {
            if (Parsing.SipAscii.EqualsIgnoreCase(t, tag))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when requests with this scheme in the Request-URI are processed.</summary>
    public bool SupportsScheme(SipUriScheme scheme) => scheme is SipUriScheme.Sip or SipUriScheme.Sips || (AcceptTel && scheme == SipUriScheme.Tel);

    internal static int Bit(SipMethod m) => 1 << (int)m;
}
