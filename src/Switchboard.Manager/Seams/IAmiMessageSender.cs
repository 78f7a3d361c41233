namespace Switchboard.Manager.Seams;

/// <summary>MessageSend's seam (To, From, Body, Base64Body, Variable headers); messaging implements it later.</summary>
public interface IAmiMessageSender
{
    ValueTask<AmiSeamResult> SendAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken);
}
