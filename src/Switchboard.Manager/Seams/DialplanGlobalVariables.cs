using Switchboard.Dialplan.Variables;

namespace Switchboard.Manager.Seams;

/// <summary>Getvar/Setvar without a channel read and write the dialplan's [globals].</summary>
public sealed class DialplanGlobalVariables(GlobalVariables globals) : IGlobalVariables
{
    public string? Get(string name) => globals.Get(name);

    public void Set(string name, string value) => globals.Set(name, value);
}
