namespace Switchboard.Transport.Admission;

/// <summary>Admission filter that admits everything (used when AutoBan is disabled).</summary>
public sealed class AdmitAllFilter : IAdmissionFilter
{
    public static readonly AdmitAllFilter Instance = new();

    private AdmitAllFilter()
    {
    }

    public bool Admit(ReadOnlySpan<byte> address) => true;
}
