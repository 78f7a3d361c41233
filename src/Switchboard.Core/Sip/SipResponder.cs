using Switchboard.Sip.Messages;

namespace Switchboard.Core.Sip;

/// <summary>Builds a response to a request in its server transaction (with our Server header) and sends it.</summary>
public static class SipResponder
{
    public static bool Send(SipStack stack, SipRequestContext context, int status, string reason, Action<SipMessageWriter>? headers = null, ReadOnlySpan<byte> toTag = default)
    {
        using var buf = new PooledBufferWriter();
        byte[]? tag = null;
        if (toTag.IsEmpty && status > 100)
        {
            tag = SipTags.New();
            toTag = tag;
        }

        var w = SipResponseFactory.Begin(buf, context.Request, status, System.Text.Encoding.ASCII.GetBytes(reason), toTag);
        headers?.Invoke(w);
        w.WriteHeader("Server", stack.UserAgent);
        w.WriteEnd();
        return context.Transaction.SendResponse(buf.WrittenSpan);
    }

    /// <summary>Sends a response with a body.</summary>
    public static bool SendWithBody(SipStack stack, SipRequestContext context, int status, string reason, ReadOnlySpan<byte> contentType, ReadOnlySpan<byte> body, Action<SipMessageWriter>? headers = null, ReadOnlySpan<byte> toTag = default)
    {
        using var buf = new PooledBufferWriter();
        byte[]? tag = null;
        if (toTag.IsEmpty && status > 100)
        {
            tag = SipTags.New();
            toTag = tag;
        }

        var w = SipResponseFactory.Begin(buf, context.Request, status, System.Text.Encoding.ASCII.GetBytes(reason), toTag);
        headers?.Invoke(w);
        w.WriteHeader("Server", stack.UserAgent);
        w.WriteBody(contentType, body);
        return context.Transaction.SendResponse(buf.WrittenSpan);
    }
}
