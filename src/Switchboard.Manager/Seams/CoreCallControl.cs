using System.Globalization;
using Switchboard.Core.Channels;
using Switchboard.Core.Events;
using Switchboard.Core.Originate;
using Switchboard.Core.Pjsip.Calls;

namespace Switchboard.Manager.Seams;

/// <summary>
/// AMI's call control backed by the PJSIP channel driver: CoreShowChannels rows, Originate (extension or application,
/// Async with an OriginateResponse event), Hangup, and Getvar/Setvar on live channels.
/// </summary>
public sealed class CoreCallControl(CallService calls, EventBus bus) : IAmiCallControl
{
    public IReadOnlyList<AmiChannelInfo> Channels
    {
        get
        {
            var rows = new List<AmiChannelInfo>();
            foreach (var c in calls.Channels.Snapshot())
            {
                var fields = new List<KeyValuePair<string, string>>();
                foreach (var f in ChannelEventPublisher.Snapshot(c, string.Empty))
                {
                    if (f.Key is not "Channel" and not "Uniqueid")
                    {
                        fields.Add(f);
                    }
                }

                fields.Add(new("Application", c.Application));
                fields.Add(new("ApplicationData", c.ApplicationData));
                fields.Add(new("Duration", Duration(c.Age)));
                fields.Add(new("BridgeId", c.BridgeId ?? string.Empty));
                rows.Add(new AmiChannelInfo(c.Name, c.UniqueId, fields));
            }

            return rows;
        }
    }

    public async ValueTask<AmiSeamResult> OriginateAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        if (!AmiOriginateRequest.TryRead(headers, out var request, out var async, out var actionId, out var error))
        {
            return AmiSeamResult.Fail(error!);
        }

        if (!request!.TryValidate(out error))
        {
            return AmiSeamResult.Fail(error!);
        }

        if (async)
        {
            _ = Task.Run(async () =>
            {
                var result = await calls.OriginateAsync(request, CancellationToken.None).ConfigureAwait(false);
                bus.Publish(new ChannelEvent("OriginateResponse", ResponseFields(request, result, actionId)));
            }, CancellationToken.None);
            return AmiSeamResult.Ok("Originate successfully queued");
        }

        var outcome = await calls.OriginateAsync(request, cancellationToken).ConfigureAwait(false);
        return outcome.Answered ? AmiSeamResult.Ok("Originate successfully queued") : AmiSeamResult.Fail("Originate failed");
    }

    public async ValueTask<AmiSeamResult> HangupAsync(string channel, int? cause, CancellationToken cancellationToken)
        => await calls.HangupAsync(channel, cause ?? HangupCauseMapper.NormalClearing).ConfigureAwait(false)
            ? AmiSeamResult.Ok("Channel Hungup")
            : AmiSeamResult.Fail("No such channel");

    public AmiSeamResult GetVariable(string channel, string name)
    {
        var value = calls.GetVariable(channel, name);
        return value is null
            ? AmiSeamResult.Fail("No such channel")
            : new AmiSeamResult(true, value);
    }

    public AmiSeamResult SetVariable(string channel, string name, string value)
        => calls.SetVariableAsync(channel, name, value).GetAwaiter().GetResult()
            ? AmiSeamResult.Ok("Variable Set")
            : AmiSeamResult.Fail("No such channel");

    /// <summary>OriginateResponse: Reason 4 answered, 5 busy, 3 no answer, 8 congestion/unavailable, 0 other failures.</summary>
    internal static List<KeyValuePair<string, string>> ResponseFields(OriginateRequest request, OriginateResult result, string? actionId)
    {
        var (num, name) = ParseCallerId(request.CallerId);
        var reason = result.Answered ? 4 : result.Cause switch
        {
            HangupCauseMapper.UserBusy => 5,
            HangupCauseMapper.NoAnswer or HangupCauseMapper.NoUserResponse => 3,
            HangupCauseMapper.Congestion or HangupCauseMapper.ChannelUnavailable or HangupCauseMapper.SubscriberAbsent => 8,
            _ => 0,
        };
        var fields = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrEmpty(actionId))
        {
            fields.Add(new("ActionID", actionId));
        }

        fields.Add(new("Response", result.Answered ? "Success" : "Failure"));
        fields.Add(new("Channel", result.Answered ? result.ChannelName : request.Channel));
        fields.Add(new("Context", request.Context ?? string.Empty));
        fields.Add(new("Exten", request.Exten ?? string.Empty));
        fields.Add(new("Application", request.Application ?? string.Empty));
        fields.Add(new("Data", request.Data));
        fields.Add(new("Reason", reason.ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("Uniqueid", result.Answered ? result.UniqueId : "<null>"));
        fields.Add(new("CallerIDNum", num));
        fields.Add(new("CallerIDName", name));
        return fields;
    }

    private static (string Number, string Name) ParseCallerId(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ("<unknown>", "<unknown>");
        }

        var (name, number) = Switchboard.Dialplan.Execution.CallerIdInfo.ParseAll(text);
        return (number.Length > 0 ? number : "<unknown>", name.Length > 0 ? name : "<unknown>");
    }

    private static string Duration(TimeSpan t)
        => ((int)t.TotalHours).ToString("00", CultureInfo.InvariantCulture) + ":" + t.Minutes.ToString("00", CultureInfo.InvariantCulture) + ":" + t.Seconds.ToString("00", CultureInfo.InvariantCulture);
}
