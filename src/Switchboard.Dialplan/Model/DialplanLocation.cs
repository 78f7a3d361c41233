namespace Switchboard.Dialplan.Model;

/// <summary>A place in the dialplan: context, extension and priority number.</summary>
/// <param name="Context">Context name.</param>
/// <param name="Exten">Extension (the dialled string, not the pattern).</param>
/// <param name="Priority">Priority number.</param>
public readonly record struct DialplanLocation(string Context, string Exten, int Priority)
{
    /// <inheritdoc />
    public override string ToString() => $"{Context},{Exten},{Priority}";
}
