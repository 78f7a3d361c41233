namespace Switchboard.Transport.Streams;

/// <summary>
/// Serves one accepted connection of a <see cref="StreamListener"/> (e.g. an AMI session). The listener disposes
/// the stream when the returned task completes; <paramref name="cancellationToken"/> fires when the listener stops.
/// </summary>
public interface IStreamHandler
{
    Task HandleConnectionAsync(Stream stream, PeerAddress remote, CancellationToken cancellationToken);
}
