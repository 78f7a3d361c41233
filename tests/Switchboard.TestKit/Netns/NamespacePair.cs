namespace Switchboard.TestKit.Netns;

/// <summary>
/// Two network namespaces joined by a veth pair, e.g. an attacker and a PBX: <see cref="Left"/> has 10.250.0.1/30 and
/// fd00:250::1/64, <see cref="Right"/> has 10.250.0.2/30 and fd00:250::2/64 (each pair is private to its namespaces,
/// so parallel tests may use the same addresses).
/// </summary>
public sealed class NamespacePair : IDisposable
{
    public const string LeftV4 = "10.250.0.1";
    public const string RightV4 = "10.250.0.2";
    public const string LeftV6 = "fd00:250::1";
    public const string RightV6 = "fd00:250::2";

    private NamespacePair(NetworkNamespace left, NetworkNamespace right)
    {
        Left = left;
        Right = right;
    }

    public NetworkNamespace Left { get; }

    public NetworkNamespace Right { get; }

    public static NamespacePair Create(string leftPrefix = "sb-l", string rightPrefix = "sb-r")
    {
        var left = NetworkNamespace.Create(leftPrefix);
        NetworkNamespace? right = null;
        try
        {
            right = NetworkNamespace.Create(rightPrefix);
            ExternalCommand.Check("ip", "link", "add", "vl", "netns", left.Name, "type", "veth", "peer", "name", "vr", "netns", right.Name);
            left.Check("ip", "addr", "add", LeftV4 + "/30", "dev", "vl");
            right.Check("ip", "addr", "add", RightV4 + "/30", "dev", "vr");
            left.Check("ip", "-6", "addr", "add", LeftV6 + "/64", "dev", "vl", "nodad");
            right.Check("ip", "-6", "addr", "add", RightV6 + "/64", "dev", "vr", "nodad");
            left.Check("ip", "link", "set", "vl", "up");
            right.Check("ip", "link", "set", "vr", "up");
            return new NamespacePair(left, right);
        }
        catch
        {
            right?.Dispose();
            left.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Left.Dispose();
        Right.Dispose();
    }
}
