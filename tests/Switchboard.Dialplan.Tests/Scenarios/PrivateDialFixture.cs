using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Scenarios;

/// <summary>
/// The shipped seed dialplan with stand-ins for what Core provides (Dial, MinivmGreet/Record/Notify/Delete,
/// MessageSend, AGI, PJSIP_ENDPOINT, PJSIP_DIAL_CONTACTS, MESSAGE, device states) and the wizard's hints
/// for two users: john.doe (+12025550160) and jane.doe (+46701234567, two devices, no mailbox unless set).
/// </summary>
internal sealed class PrivateDialFixture
{
    public PrivateDialFixture(string dialStatus = "ANSWER", bool janeHasMailbox = true, bool johnRegistered = true)
    {
        DialStatus = dialStatus;
        Endpoints["john.doe,mailboxes"] = "john.doe@example.com";
        Endpoints["john.doe,@hint_exten"] = "+12025550160";
        Endpoints["john.doe,WEBSMS_INDEX"] = "1";
        Endpoints["jane.doe,@hint_exten"] = "+46701234567";
        if (janeHasMailbox)
        {
            Endpoints["jane.doe,mailboxes"] = "jane.doe@example.com";
        }

        Contacts["jane.doe"] = "PJSIP/jane.doe/sip:jane@10.0.0.2:5060&PJSIP/jane.doe/sip:jane@10.0.0.3:5062";
        if (johnRegistered)
        {
            Contacts["john.doe"] = "PJSIP/john.doe/sip:john@10.0.0.1:5060";
        }

        Harness = DialplanHarness.Load(
            SeedFiles.Folder("seed"),
            "extensions.conf",
            Register,
            [
                new HintDefinition("+12025550160", "dp_lookup", "PJSIP/john.doe", "res_pjsip_config_wizard"),
                new HintDefinition("+46701234567", "dp_lookup", "PJSIP/jane.doe", "res_pjsip_config_wizard"),
            ]);
    }

    public DialplanHarness Harness { get; }

    public string DialStatus { get; set; }

    public Dictionary<string, string> Endpoints { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Contacts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> DeviceStates { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Message { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every stand-in application call as "App(args)" in order; Dial also records "@exten".</summary>
    public List<string> Calls { get; } = [];

    public string MinivmRecordStatus { get; set; } = "SUCCESS";

    /// <summary>A channel of john.doe (set_var TRUNK_ENDPOINT/WEBSMS_INDEX as the wizard template gives them).</summary>
    public static FakeChannel JohnsPhone()
    {
        var channel = new FakeChannel("PJSIP/john.doe-00000001");
        channel.CallerId = new CallerIdInfo("+12025550160", "John Doe");
        channel.Items["endpoint"] = "john.doe";
        channel.Variables.Set("TRUNK_ENDPOINT", "itsp:mydoe");
        channel.Variables.Set("WEBSMS_INDEX", string.Empty);
        return channel;
    }

    private void Register(DialplanEngine engine)
    {
        engine.DeviceStates = new Devices(DeviceStates);
        engine.Functions.Register(new StubFunction("PJSIP_ENDPOINT", args => Endpoints.TryGetValue(args, out var v) ? v : string.Empty));
        engine.Functions.Register(new StubFunction("PJSIP_DIAL_CONTACTS", args => Contacts.TryGetValue(args, out var v) ? v : string.Empty));
        engine.Functions.Register(new StubFunction("MINIVMACCOUNT", args => "/var/spool/voicemail/" + args));
        engine.Functions.Register(new StubFunction("MESSAGE", args => Message.TryGetValue(args, out var v) ? v : string.Empty, (args, value) => Message[args] = value));
        engine.Applications.Register(App("Dial", (ctx, args) =>
        {
            Calls.Add($"Dial@{ctx.Exten}");
            ctx.Channel.Variables.Set("DIALSTATUS", DialStatus);
            return AppResult.Continue;
        }));
        engine.Applications.Register(App("MinivmGreet", null));
        engine.Applications.Register(App("MinivmRecord", (ctx, _) =>
        {
            ctx.Channel.Variables.Set("MVM_RECORD_STATUS", MinivmRecordStatus);
            return AppResult.Continue;
        }));
        engine.Applications.Register(App("MinivmNotify", (ctx, _) =>
        {
            ctx.Channel.Variables.Set("MVM_NOTIFY_STATUS", "SUCCESS");
            return AppResult.Continue;
        }));
        engine.Applications.Register(App("MinivmDelete", null));
        engine.Applications.Register(App("MinivmAccMess", null));
        engine.Applications.Register(App("MusicOnHold", null));
        engine.Applications.Register(App("MessageSend", (ctx, _) =>
        {
            ctx.Channel.Variables.Set("MESSAGE_SEND_STATUS", "SUCCESS");
            return AppResult.Continue;
        }));
        engine.Applications.Register(App("AGI", (ctx, _) =>
        {
            ctx.Channel.Variables.Set("AGISTATUS", "SUCCESS");
            return AppResult.Continue;
        }));
    }

    private CallbackApplication App(string name, Func<DialplanContext, string, AppResult>? then) =>
        new(name, (ctx, args) =>
        {
            Calls.Add($"{name}({args})");
            return then?.Invoke(ctx, args) ?? AppResult.Continue;
        });

    private sealed class Devices(Dictionary<string, string> states) : IDeviceStateProvider
    {
        public string GetDeviceState(string device) => states.TryGetValue(device, out var s) ? s : "UNKNOWN";
    }
}
