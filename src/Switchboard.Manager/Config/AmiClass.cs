namespace Switchboard.Manager.Config;

/// <summary>AMI permission classes (manager.conf read/write lists; the Privilege header of events).</summary>
[Flags]
public enum AmiClass
{
    None = 0,
    System = 1 << 0,
    Call = 1 << 1,
    Log = 1 << 2,
    Verbose = 1 << 3,
    Command = 1 << 4,
    Agent = 1 << 5,
    User = 1 << 6,
    Config = 1 << 7,
    Dtmf = 1 << 8,
    Reporting = 1 << 9,
    Cdr = 1 << 10,
    Dialplan = 1 << 11,
    Originate = 1 << 12,
    Agi = 1 << 13,
    Cc = 1 << 14,
    Aoc = 1 << 15,
    Test = 1 << 16,
    Security = 1 << 17,
    Message = 1 << 18,
    All = (1 << 19) - 1,
}
