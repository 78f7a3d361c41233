using System.Globalization;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip.Reading;

namespace Switchboard.Config.Rtp;

/// <summary>Reads rtp.conf. ICE/STUN/TURN options are accepted without effect and without warnings.</summary>
public static class RtpConfigLoader
{
    /// <summary>The file name.</summary>
    public const string FileName = "rtp.conf";

    private static readonly string[] SilentlyAccepted =
    [
        "icesupport", "stunaddr", "stun_blacklist", "stun_acl", "stun_deny", "stun_permit", "turnaddr", "turnusername",
        "turnpassword", "ice_blacklist", "ice_acl", "ice_deny", "ice_permit", "dtls_mtu",
    ];

    /// <summary>Reads rtp.conf from the source (defaults when the file is absent).</summary>
    public static RtpConfig Load(IConfigFileSource source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        var doc = ConfParser.ParseOptional(source, FileName, diagnostics);
        return doc is null ? RtpConfig.Default : Build(doc, diagnostics);
    }

    /// <summary>Builds the settings from a parsed rtp.conf.</summary>
    public static RtpConfig Build(ConfDocument document, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var config = RtpConfig.Default;
        foreach (var category in document.Categories)
        {
            if (category.Is("ice_host_candidates") || category.IsTemplate)
            {
                continue;
            }

            if (!category.Is("general"))
            {
                diagnostics.Warning(category.File, category.Line, $"rtp.conf: unknown section [{category.Name}] ignored");
                continue;
            }

            foreach (var e in category.Entries)
            {
                config = Apply(config, e, diagnostics);
            }
        }

        if (config.RtpStart >= config.RtpEnd)
        {
            var general = document.Find("general");
            diagnostics.Error(general?.File ?? FileName, general?.Line ?? 0,
                $"rtp.conf: rtpstart ({config.RtpStart}) must be lower than rtpend ({config.RtpEnd})");
        }

        return config;
    }

    private static RtpConfig Apply(RtpConfig c, ConfEntry e, DiagnosticBag d)
    {
        switch (e.Key.ToLowerInvariant())
        {
            case "rtpstart":
                return c with { RtpStart = Port(e, c.RtpStart, d) };
            case "rtpend":
                return c with { RtpEnd = Port(e, c.RtpEnd, d) };
            case "strictrtp":
                return c with { StrictRtp = Strict(e, c.StrictRtp, d) };
            case "probation":
                return c with { Probation = Int(e, c.Probation, 1, 1000, d) };
            case "rtcpinterval":
                return c with { RtcpIntervalMs = RtcpInterval(e, c.RtcpIntervalMs, d) };
            case "rtpchecksums":
                return c with { RtpChecksums = Bool(e, c.RtpChecksums, d) };
            case "dtmftimeout":
                return c with { DtmfTimeoutMs = Int(e, c.DtmfTimeoutMs, 0, 600000, d) };
            case "kernel_forwarding":
                return c with { KernelForwarding = Bool(e, c.KernelForwarding, d) };
            case "srtpreplayprotection":
                return c with { SrtpReplayProtection = Bool(e, c.SrtpReplayProtection, d) };
            default:
                if (Array.IndexOf(SilentlyAccepted, e.Key.ToLowerInvariant()) < 0)
                {
                    d.Warning(e.File, e.Line, $"rtp.conf: unknown option '{e.Key}' ignored");
                }

                return c;
        }
    }

    private static int Port(ConfEntry e, int fallback, DiagnosticBag d) => Int(e, fallback, 1024, 65535, d);

    private static int Int(ConfEntry e, int fallback, int min, int max, DiagnosticBag d)
    {
        if (int.TryParse(e.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
        {
            return v;
        }

        d.Error(e.File, e.Line, $"rtp.conf: bad value '{e.Value}' for {e.Key}: expected an integer from {min} to {max}");
        return fallback;
    }

    private static int RtcpInterval(ConfEntry e, int fallback, DiagnosticBag d)
    {
        var v = Int(e, fallback, 0, int.MaxValue, d);
        if (v == 0)
        {
            return 0;
        }

        var clamped = Math.Clamp(v, 500, 60000);
        if (clamped != v)
        {
            d.Warning(e.File, e.Line, $"rtp.conf: rtcpinterval {v} is outside 500..60000 ms; using {clamped}");
        }

        return clamped;
    }

    private static StrictRtpMode Strict(ConfEntry e, StrictRtpMode fallback, DiagnosticBag d)
    {
        if (string.Equals(e.Value, "seqno", StringComparison.OrdinalIgnoreCase))
        {
            return StrictRtpMode.SeqNo;
        }

        if (OptionReader.TryParseBool(e.Value, out var b))
        {
            return b ? StrictRtpMode.Yes : StrictRtpMode.No;
        }

        d.Error(e.File, e.Line, $"rtp.conf: bad value '{e.Value}' for strictrtp: expected yes, no or seqno");
        return fallback;
    }

    private static bool Bool(ConfEntry e, bool fallback, DiagnosticBag d)
    {
        if (OptionReader.TryParseBool(e.Value, out var b))
        {
            return b;
        }

        d.Error(e.File, e.Line, $"rtp.conf: bad value '{e.Value}' for {e.Key}: expected yes or no");
        return fallback;
    }
}
