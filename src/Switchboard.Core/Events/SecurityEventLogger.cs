using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Events;

/// <summary>Logs every security event as one line (category "security"): failures at warning, the rest at information.</summary>
public sealed partial class SecurityEventLogger : IDisposable
{
    private readonly ILogger _log;
    private readonly IDisposable _subscription;

    public SecurityEventLogger(EventBus bus, ILogger log)
    {
        _log = log;
        _subscription = bus.Subscribe<SecurityEvent>(OnEvent);
    }

    private void OnEvent(SecurityEvent e)
    {
        if (e.IsFailure)
        {
            LogFailure(SecurityEventFormatter.Format(e));
        }
        else
        {
            LogInfo(SecurityEventFormatter.Format(e));
        }
    }

    public void Dispose() => _subscription.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Line}")]
    private partial void LogFailure(string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private partial void LogInfo(string line);
}
