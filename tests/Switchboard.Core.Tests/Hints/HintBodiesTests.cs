using System.Xml.Linq;
using Switchboard.Core.Hints;

namespace Switchboard.Core.Tests.Hints;

/// <summary>RFC 4235 dialog-info and PIDF bodies for hint states.</summary>
public sealed class HintBodiesTests
{
    private static readonly XNamespace DialogNs = "urn:ietf:params:xml:ns:dialog-info";

    [Theory]
    [InlineData("NOT_INUSE", "terminated")]
    [InlineData("UNAVAILABLE", "terminated")]
    [InlineData("RINGING", "early")]
    [InlineData("INUSE", "confirmed")]
    [InlineData("BUSY", "confirmed")]
    [InlineData("RINGINUSE", "confirmed")]
    [InlineData("ONHOLD", "confirmed")]
    public void Dialog_info_state_follows_the_device_state(string deviceState, string dialogState)
    {
        var doc = XDocument.Parse(HintBodies.DialogInfo("1001", "pbx.example", deviceState, 7));
        var root = doc.Root!;
        Assert.Equal(DialogNs + "dialog-info", root.Name);
        Assert.Equal("7", root.Attribute("version")!.Value);
        Assert.Equal("full", root.Attribute("state")!.Value);
        Assert.Equal("sip:1001@pbx.example", root.Attribute("entity")!.Value);
        var dialog = root.Element(DialogNs + "dialog")!;
        Assert.Equal("1001", dialog.Attribute("id")!.Value);
        Assert.Equal(dialogState, dialog.Element(DialogNs + "state")!.Value);
        Assert.Equal(dialogState == "early" ? "recipient" : null, dialog.Attribute("direction")?.Value);
    }

    [Theory]
    [InlineData("NOT_INUSE", "open")]
    [InlineData("INUSE", "open")]
    [InlineData("UNAVAILABLE", "closed")]
    public void Pidf_basic_is_closed_only_when_unavailable(string deviceState, string basic)
    {
        var doc = XDocument.Parse(HintBodies.Pidf("1001", "pbx.example", deviceState));
        XNamespace ns = "urn:ietf:params:xml:ns:pidf";
        Assert.Equal(basic, doc.Root!.Element(ns + "tuple")!.Element(ns + "status")!.Element(ns + "basic")!.Value);
    }

    [Fact]
    public void Markup_in_the_extension_is_escaped()
        => Assert.NotNull(XDocument.Parse(HintBodies.DialogInfo("a<b&\"c", "h", "INUSE", 0)));
}
