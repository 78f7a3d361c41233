namespace Switchboard.Dialplan.Agi;

/// <summary>Runs one AGI command; returns the reply line (without line feed), or null for a usage error (520).</summary>
internal delegate ValueTask<string?> AgiCommandHandler(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken);

/// <summary>
/// One AGI command: the words that name it (<c>GET</c>, <c>VARIABLE</c>), its usage text, whether it may run after
/// the channel hung up (Asterisk's "dead" mode), and its handler.
/// </summary>
internal sealed record AgiCommand(string[] Words, string Usage, bool DeadSafe, AgiCommandHandler Handler)
{
    /// <summary>The command name, e.g. <c>GET VARIABLE</c>.</summary>
    public string Name => string.Join(' ', Words);

    /// <summary>True when the first words of <paramref name="argv"/> name this command (case-insensitive).</summary>
    public bool Matches(IReadOnlyList<string> argv)
    {
        if (argv.Count < Words.Length)
        {
            return false;
        }

        for (var i = 0; i < Words.Length; i++)
        {
            if (!string.Equals(argv[i], Words[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
