namespace Switchboard.Dialplan.Agi;

/// <summary>The AGI commands Switchboard implements, found by their leading words (longest name first).</summary>
internal static class AgiCommandTable
{
    private static readonly AgiCommand[] Commands = Build();

    public static IReadOnlyList<AgiCommand> All => Commands;

    /// <summary>The command named by the first words of <paramref name="argv"/>, or null.</summary>
    public static AgiCommand? Find(IReadOnlyList<string> argv)
    {
        foreach (var command in Commands)
        {
            if (command.Matches(argv))
            {
                return command;
            }
        }

        return null;
    }

    private static AgiCommand[] Build()
    {
        AgiCommand[] commands =
        [
            new(["ANSWER"], " Usage: ANSWER", false, AgiChannelCommands.AnswerAsync),
            new(["HANGUP"], " Usage: HANGUP [<channelname>]", true, AgiChannelCommands.HangupAsync),
            new(["CHANNEL", "STATUS"], " Usage: CHANNEL STATUS [<channelname>]", true, AgiChannelCommands.ChannelStatus),
            new(["STREAM", "FILE"], " Usage: STREAM FILE <filename> <escape_digits> [sample offset]", false, AgiChannelCommands.StreamFileAsync),
            new(["WAIT", "FOR", "DIGIT"], " Usage: WAIT FOR DIGIT <timeout>", false, AgiChannelCommands.WaitForDigitAsync),
            new(["GET", "DATA"], " Usage: GET DATA <file to be streamed> [timeout] [max digits]", false, AgiChannelCommands.GetDataAsync),
            new(["EXEC"], " Usage: EXEC <application> <options>", false, AgiChannelCommands.ExecAsync),
            new(["GET", "VARIABLE"], " Usage: GET VARIABLE <variablename>", true, AgiDataCommands.GetVariable),
            new(["GET", "FULL", "VARIABLE"], " Usage: GET FULL VARIABLE <variablename> [<channel name>]", true, AgiDataCommands.GetFullVariable),
            new(["SET", "VARIABLE"], " Usage: SET VARIABLE <variablename> <value>", true, AgiDataCommands.SetVariable),
            new(["SET", "CONTEXT"], " Usage: SET CONTEXT <desired context>", false, AgiDataCommands.SetContext),
            new(["SET", "EXTENSION"], " Usage: SET EXTENSION <new extension>", false, AgiDataCommands.SetExtension),
            new(["SET", "PRIORITY"], " Usage: SET PRIORITY <priority>", false, AgiDataCommands.SetPriority),
            new(["DATABASE", "GET"], " Usage: DATABASE GET <family> <key>", true, AgiDataCommands.DatabaseGet),
            new(["DATABASE", "PUT"], " Usage: DATABASE PUT <family> <key> <value>", true, AgiDataCommands.DatabasePut),
            new(["DATABASE", "DEL"], " Usage: DATABASE DEL <family> <key>", true, AgiDataCommands.DatabaseDel),
            new(["VERBOSE"], " Usage: VERBOSE <message> <level>", true, AgiDataCommands.Verbose),
            new(["NOOP"], " Usage: NOOP", true, AgiDataCommands.Noop),
            new(["SAY", "DIGITS"], " Usage: SAY DIGITS <number> <escape digits>", false, AgiSayCommands.SayDigitsAsync),
            new(["SAY", "NUMBER"], " Usage: SAY NUMBER <number> <escape digits> [gender]", false, AgiSayCommands.SayNumberAsync),
            new(["SAY", "ALPHA"], " Usage: SAY ALPHA <number> <escape digits>", false, AgiSayCommands.SayAlphaAsync),
            new(["GET", "OPTION"], " Usage: GET OPTION <filename> <escape_digits> [timeout]", false, AgiSayCommands.GetOptionAsync),
            new(["SET", "CALLERID"], " Usage: SET CALLERID <number>", true, AgiDataCommands.SetCallerId),
        ];
        Array.Sort(commands, static (a, b) => b.Words.Length.CompareTo(a.Words.Length));
        return commands;
    }
}
