using System.Globalization;

namespace Switchboard.Dialplan.Agi;

/// <summary>Reply lines in Asterisk's AGI format.</summary>
internal static class AgiReplies
{
    public const string Unknown = "510 Invalid or unknown command";
    public const string DeadChannel = "511 Command Not Permitted on a dead channel or intercepted channel";
    public const string UsageHead = "520-Invalid command syntax.  Proper usage follows:";
    public const string UsageTail = "520 End of proper usage.";

    /// <summary><c>200 result=N</c>.</summary>
    public static string Result(int result) => "200 result=" + result.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>200 result=N (data)</c>.</summary>
    public static string Result(int result, string data) => Result(result) + " (" + data + ")";

    /// <summary><c>200 result=text</c> for results that are not numbers (GET DATA digits).</summary>
    public static string Text(string result) => "200 result=" + result;

    /// <summary>The 520 block for a command called with the wrong arguments.</summary>
    public static string Usage(AgiCommand command) => UsageHead + "\n" + command.Usage + "\n" + UsageTail;

    /// <summary>The ASCII code of a DTMF digit, the way STREAM FILE and WAIT FOR DIGIT report it.</summary>
    public static int DigitCode(char digit) => digit;
}
