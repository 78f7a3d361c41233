namespace Switchboard.Core.Voicemail;

/// <summary>What a mailbox holds, as MinivmMWI(account,urgent,new,old) reports it.</summary>
public readonly record struct MwiCounts(int Urgent, int New, int Old)
{
    /// <summary>Messages-Waiting: yes when anything is new (urgent counts as new).</summary>
    public bool Waiting => New > 0 || Urgent > 0;
}
