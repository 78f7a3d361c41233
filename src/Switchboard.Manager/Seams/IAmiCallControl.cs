namespace Switchboard.Manager.Seams;

/// <summary>
/// What AMI needs from the call layer: the live channels (CoreShowChannels, CoreStatus), Originate, Hangup and
/// channel variables (Getvar/Setvar with Channel). <see cref="NoCallControl"/> answers until calls exist; the call
/// layer implements this and is handed to <see cref="ManagerService.CallControl"/>.
/// </summary>
public interface IAmiCallControl
{
    IReadOnlyList<AmiChannelInfo> Channels { get; }

    /// <summary>Originate with the request headers (Channel, Exten, Context, Priority, Application, Data, Variable ...).</summary>
    ValueTask<AmiSeamResult> OriginateAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken);

    ValueTask<AmiSeamResult> HangupAsync(string channel, int? cause, CancellationToken cancellationToken);

    /// <summary>A channel variable or function value; null when the channel does not exist.</summary>
    AmiSeamResult GetVariable(string channel, string name);

    AmiSeamResult SetVariable(string channel, string name, string value);
}
