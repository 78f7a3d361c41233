using System.Text;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Cli;

/// <summary><c>core show hints</c> in Asterisk's format (columns cut at 20 and 15 characters as Asterisk cuts them).</summary>
public static class HintsShow
{
    /// <summary>
    /// Renders the hint list. <paramref name="deviceState"/> gives each device's state (e.g. NOT_INUSE);
    /// <paramref name="watchers"/> the number of subscriptions to a hint (null: 0).
    /// </summary>
    public static DialplanCliOutput Render(DialplanSnapshot dialplan, Func<string, string> deviceState, Func<HintEntry, int>? watchers = null)
    {
        ArgumentNullException.ThrowIfNull(dialplan);
        ArgumentNullException.ThrowIfNull(deviceState);
        if (dialplan.Hints.Count == 0)
        {
            return new DialplanCliOutput("There are no registered dialplan hints\n", true);
        }

        var output = new StringBuilder();
        output.Append("\n    -= Registered Asterisk Dial Plan Hints =-\n");
        foreach (var hint in dialplan.Hints)
        {
            var states = new List<string>();
            foreach (var device in hint.DeviceList)
            {
                states.Add(deviceState(device));
            }

            var state = DeviceStates.ToExtensionStateText(DeviceStates.Aggregate(states));
            var count = watchers?.Invoke(hint) ?? 0;
            output.Append(Cut($"{hint.Exten}@{hint.Context}", 20).PadRight(20))
                .Append(": ")
                .Append(Cut(hint.Devices, 20).PadRight(20))
                .Append("  State:")
                .Append(Cut(state, 15).PadRight(15))
                .Append(" Presence:")
                .Append("not_set".PadRight(15))
                .Append(" Watchers ")
                .Append(count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(2))
                .Append('\n');
        }

        output.Append("----------------\n");
        output.Append("- ").Append(dialplan.Hints.Count).Append(" hints registered\n");
        return new DialplanCliOutput(output.ToString(), true);
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
