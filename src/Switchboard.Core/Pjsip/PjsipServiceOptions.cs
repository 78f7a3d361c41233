using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Switchboard.Common.Timing;
using Switchboard.Core.Events;
using Switchboard.Core.Storage;
using Switchboard.Transport.Admission;

namespace Switchboard.Core.Pjsip;

/// <summary>What the PJSIP service needs from the host.</summary>
public sealed class PjsipServiceOptions
{
    public required EventBus Bus { get; init; }

    public required TimingWheel Wheel { get; init; }

    public required ILoggerFactory Loggers { get; init; }

    /// <summary>Database for registered contacts (null: contacts live in memory only).</summary>
    public SqliteDatabase? Database { get; init; }

    public IAdmissionFilter AdmissionFilter { get; init; } = AdmitAllFilter.Instance;

    /// <summary>Current TLS server certificate, asked on every new TLS connection (hot reload).</summary>
    public Func<X509Certificate2?>? TlsCertificate { get; init; }

    /// <summary>Interval of the write-behind flush of contacts.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);
}
