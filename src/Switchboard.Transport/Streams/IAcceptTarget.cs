using System.Net.Sockets;
using Switchboard.Transport.Admission;

namespace Switchboard.Transport.Streams;

/// <summary>What an accept loop hands admitted sockets to.</summary>
internal interface IAcceptTarget
{
    IAdmissionFilter AdmissionFilter { get; }

    /// <summary>False when the connection limit is reached.</summary>
    bool HasCapacity { get; }

    /// <summary>Takes ownership of an admitted socket.</summary>
    void OnAccepted(Socket socket, PeerAddress remote);
}
