using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Switchboard.Manager.Protocol;

/// <summary>
/// Reads AMI messages from a connection: lines end in LF (CR optional), a blank line ends a message, blank lines
/// between messages are skipped. Lines longer than <see cref="MaxLineLength"/> end the read with
/// <see cref="AmiReadStatus.TooLong"/> without buffering the rest. Lines without a colon are kept as a header with an
/// empty value so the action can be refused with an error.
/// </summary>
public sealed class AmiRequestReader(PipeReader reader, int maxLineLength = AmiRequestReader.DefaultMaxLineLength, int maxHeaders = AmiRequestReader.DefaultMaxHeaders)
{
    public const int DefaultMaxLineLength = 64 * 1024;
    public const int DefaultMaxHeaders = 128;

    public int MaxLineLength { get; } = maxLineLength;

    public async ValueTask<(AmiReadStatus Status, AmiRequest? Request)> ReadAsync(CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var status = Consume(ref buffer, headers, out bool complete);
            if (complete)
            {
                // More messages may already be buffered: mark only what was consumed as examined.
                reader.AdvanceTo(buffer.Start);
            }
            else
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
            }

            if (status != AmiReadStatus.Message)
            {
                return (status, null);
            }

            if (complete)
            {
                return (AmiReadStatus.Message, new AmiRequest(headers));
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return (AmiReadStatus.Closed, null);
            }
        }
    }

    private AmiReadStatus Consume(ref ReadOnlySequence<byte> buffer, List<KeyValuePair<string, string>> headers, out bool complete)
    {
        complete = false;
        while (true)
        {
            var position = buffer.PositionOf((byte)'\n');
            if (position is null)
            {
                return buffer.Length > MaxLineLength ? AmiReadStatus.TooLong : AmiReadStatus.Message;
            }

            var line = buffer.Slice(0, position.Value);
            buffer = buffer.Slice(buffer.GetPosition(1, position.Value));
            if (line.Length > MaxLineLength)
            {
                return AmiReadStatus.TooLong;
            }

            var text = Decode(line);
            if (text.Length == 0)
            {
                if (headers.Count > 0)
                {
                    complete = true;
                    return AmiReadStatus.Message;
                }

                continue;
            }

            if (headers.Count >= maxHeaders)
            {
                return AmiReadStatus.TooManyHeaders;
            }

            headers.Add(Split(text));
        }
    }

    private static string Decode(ReadOnlySequence<byte> line)
    {
        var text = line.IsSingleSegment ? Encoding.UTF8.GetString(line.FirstSpan) : Encoding.UTF8.GetString(line.ToArray());
        return text.TrimEnd('\r');
    }

    internal static KeyValuePair<string, string> Split(string line)
    {
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new(line.Trim(), string.Empty);
        }

        return new(line[..colon].Trim(), line[(colon + 1)..].Trim());
    }
}
