using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Registers the applications implemented in this project.</summary>
internal static class BuiltinApplications
{
    public static void RegisterAll(ApplicationRegistry registry)
    {
        registry.Register(new NoOpApplication("NoOp"));
        registry.Register(new NoOpApplication("ResetCDR"));
        registry.Register(new NoOpApplication("NoCDR"));
        registry.Register(new VerboseApplication());
        registry.Register(new LogApplication());
        registry.Register(new SetApplication());
        registry.Register(new MSetApplication());
        registry.Register(new GotoApplication());
        registry.Register(new GotoIfApplication());
        registry.Register(new GotoIfTimeApplication());
        registry.Register(new GosubApplication());
        registry.Register(new GosubIfApplication());
        registry.Register(new ReturnApplication());
        registry.Register(new StackPopApplication());
        registry.Register(new WhileApplication());
        registry.Register(new EndWhileApplication("EndWhile"));
        registry.Register(new EndWhileApplication("ExitWhile"));
        registry.Register(new EndWhileApplication("ContinueWhile"));
        registry.Register(new ExecApplication());
        registry.Register(new ExecIfApplication());
        registry.Register(new ExecIfTimeApplication());
        registry.Register(new AnswerApplication());
        registry.Register(new HangupApplication());
        registry.Register(new WaitApplication());
        registry.Register(new WaitExtenApplication());
        registry.Register(new BackgroundApplication());
        registry.Register(new PlaybackApplication());
        registry.Register(new IndicateApplication("Progress", ChannelIndication.Progress));
        registry.Register(new IndicateApplication("Ringing", ChannelIndication.Ringing));
        registry.Register(new IndicateApplication("Busy", ChannelIndication.Busy));
        registry.Register(new IndicateApplication("Congestion", ChannelIndication.Congestion));
        registry.Register(new EchoApplication());
        registry.Register(new ReadApplication());
        registry.Register(new SayApplication("SayDigits"));
        registry.Register(new SayApplication("SayNumber"));
        registry.Register(new SayApplication("SayAlpha"));
        registry.Register(new SystemApplication());
        registry.Register(new AgiApplication());
    }
}
