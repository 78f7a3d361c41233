using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Codecs.Native;

namespace Switchboard.Media.Codecs;

/// <summary>
/// Codecs by Asterisk name: ulaw and alaw (managed), slin/slin16 (the transcoding pivot), and gsm, g722, g729,
/// opus through native libraries. A native library is loaded on first use; when it is missing the codec is
/// reported unavailable (logged once) and <see cref="TryCreate"/> returns false — never an exception.
/// </summary>
public sealed partial class CodecRegistry
{
    private readonly NativeLibraryNames _names;
    private readonly ILogger _logger;
    private readonly Lazy<GsmLibrary?> _gsm;
    private readonly Lazy<OpusLibrary?> _opus;
    private readonly Lazy<Bcg729Library?> _g729;
    private readonly Lazy<SpanDspG722Library?> _g722;

    public CodecRegistry(ILogger<CodecRegistry>? logger = null, NativeLibraryNames? names = null)
    {
        _names = names ?? NativeLibraryNames.Default;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _gsm = new Lazy<GsmLibrary?>(() => Load("gsm", _names.Gsm, GsmLibrary.TryLoad));
        _opus = new Lazy<OpusLibrary?>(() => Load("opus", _names.Opus, OpusLibrary.TryLoad));
        _g729 = new Lazy<Bcg729Library?>(() => Load("g729", _names.G729, Bcg729Library.TryLoad));
        _g722 = new Lazy<SpanDspG722Library?>(() => Load("g722", _names.SpanDsp, SpanDspG722Library.TryLoad));
    }

    /// <summary>A process-wide registry with the default library names and no logging.</summary>
    public static CodecRegistry Shared { get; } = new();

    /// <summary>Every name this registry knows (available or not).</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["ulaw", "alaw", "slin", "slin16", "gsm", "g722", "g729", "opus"];

    /// <summary>True when <paramref name="name"/> can be created (loads its native library if needed).</summary>
    public bool IsAvailable(string name) => Normalize(name) switch
    {
        "ulaw" or "alaw" or "slin" or "slin16" => true,
        "gsm" => _gsm.Value is not null,
        "opus" => _opus.Value is not null,
        "g729" => _g729.Value is not null,
        "g722" => _g722.Value is not null,
        _ => false,
    };

    /// <summary>The names that are available right now, for "core show codecs"-style listings.</summary>
    public IReadOnlyList<string> AvailableNames()
    {
        var list = new List<string>();
        foreach (var name in KnownNames)
        {
            if (IsAvailable(name))
            {
                list.Add(name);
            }
        }

        return list;
    }

    /// <summary>
    /// Creates a codec instance for one stream. <paramref name="preferredSampleRate"/> matters only for codecs that
    /// can run at several PCM rates (opus); 0 means the codec's natural rate.
    /// </summary>
    public bool TryCreate(string name, [NotNullWhen(true)] out IAudioCodec? codec, int preferredSampleRate = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        codec = Normalize(name) switch
        {
            "ulaw" => new MuLawCodec(),
            "alaw" => new ALawCodec(),
            "slin" => new LinearCodec(LinearCodec.Slin8),
            "slin16" => new LinearCodec(LinearCodec.Slin16),
            "gsm" => _gsm.Value is { } gsm ? new GsmCodec(gsm) : null,
            "g729" => _g729.Value is { } g729 ? new G729Codec(g729) : null,
            "g722" => _g722.Value is { } g722 ? new G722Codec(g722) : null,
            "opus" => CreateOpus(preferredSampleRate),
            _ => null,
        };
        return codec is not null;
    }

    /// <summary>A GSM decoder for WAV49 (GSM 6.10 in WAV) files.</summary>
    public bool TryCreateGsmWav49([NotNullWhen(true)] out IAudioCodec? codec)
    {
        codec = _gsm.Value is { } gsm ? new GsmCodec(gsm, wav49: true) : null;
        return codec is not null;
    }

    /// <summary>Static facts about a codec without creating it (opus at its 48 kHz rate).</summary>
    public static bool TryGetInfo(string name, [NotNullWhen(true)] out AudioCodecInfo? info)
    {
        info = Normalize(name) switch
        {
            "ulaw" => MuLawCodec.Descriptor,
            "alaw" => ALawCodec.Descriptor,
            "slin" => LinearCodec.Slin8,
            "slin16" => LinearCodec.Slin16,
            "gsm" => GsmCodec.Descriptor,
            "g729" => G729Codec.Descriptor,
            "g722" => G722Codec.Descriptor,
            "opus" => new AudioCodecInfo("opus", 48000, 48000, 960, OpusCodec.MaxPacketBytes, -1, true),
            _ => null,
        };
        return info is not null;
    }

    private IAudioCodec? CreateOpus(int preferredSampleRate)
    {
        if (_opus.Value is not { } opus)
        {
            return null;
        }

        int rate = OpusCodec.IsSupportedRate(preferredSampleRate) ? preferredSampleRate : 48000;
        var codec = new OpusCodec(opus, rate);
        if (codec.IsValid)
        {
            return codec;
        }

        codec.Dispose();
        LogCodecCreateFailed(_logger, "opus", rate);
        return null;
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant() switch
    {
        "pcmu" or "g711u" or "ulaw" => "ulaw",
        "pcma" or "g711a" or "alaw" => "alaw",
        var other => other,
    };

    private delegate T? LibraryLoader<T>(string soname, out string? error)
        where T : class;

    private T? Load<T>(string codec, string soname, LibraryLoader<T> loader)
        where T : class
    {
        var library = loader(soname, out string? error);
        if (library is null)
        {
            LogCodecUnavailable(_logger, codec, error ?? soname);
        }
        else
        {
            LogCodecLoaded(_logger, codec, soname);
        }

        return library;
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Codec {Codec} unavailable: {Reason}")]
    private static partial void LogCodecUnavailable(ILogger logger, string codec, string reason);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Codec {Codec} loaded from {Library}")]
    private static partial void LogCodecLoaded(ILogger logger, string codec, string library);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Codec {Codec} could not be created at {Rate} Hz")]
    private static partial void LogCodecCreateFailed(ILogger logger, string codec, int rate);
}
