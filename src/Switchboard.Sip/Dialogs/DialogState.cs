namespace Switchboard.Sip.Dialogs;

/// <summary>RFC 3261 §12 dialog states.</summary>
public enum DialogState : byte
{
    /// <summary>Created by a provisional response with a To tag.</summary>
    Early,

    /// <summary>Created or confirmed by a 2xx.</summary>
    Confirmed,

    /// <summary>Ended (BYE, non-2xx final for an early dialog, or the TU gave up).</summary>
    Terminated,
}
