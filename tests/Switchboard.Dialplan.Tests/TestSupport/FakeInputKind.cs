namespace Switchboard.Dialplan.Tests.TestSupport;

internal enum FakeInputKind
{
    Digit,
    Timeout,
    HangUp,
}
