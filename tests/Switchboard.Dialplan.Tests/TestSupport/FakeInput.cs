namespace Switchboard.Dialplan.Tests.TestSupport;

/// <summary>One scripted event a fake caller produces: a DTMF digit, a timeout, or hanging up.</summary>
internal readonly record struct FakeInput(FakeInputKind Kind, char Digit)
{
    public static FakeInput Press(char digit) => new(FakeInputKind.Digit, digit);

    public static FakeInput Silence => new(FakeInputKind.Timeout, '\0');

    public static FakeInput HangUp => new(FakeInputKind.HangUp, '\0');
}
