using Switchboard.Dialplan.Variables;

namespace Switchboard.Dialplan.Tests.Variables;

/// <summary>The Asterisk documentation page "Variable Inheritance" and channel variable semantics.</summary>
public sealed class ChannelVariablesTests
{
    [Fact]
    public void Variable_Inheritance_single_underscore_is_inherited_one_level_without_prefix()
    {
        var parent = new ChannelVariables();
        parent.Set("_ONE", "1");
        parent.Set("__FOREVER", "f");
        parent.Set("LOCALONLY", "x");
        var child = parent.CreateInherited();
        Assert.Equal("1", child.Get("ONE"));
        Assert.Equal("f", child.Get("FOREVER"));
        Assert.Null(child.Get("LOCALONLY"));
        var grandchild = child.CreateInherited();
        Assert.Null(grandchild.Get("ONE"));
        Assert.Equal("f", grandchild.Get("FOREVER"));
    }

    [Fact]
    public void Variable_Inheritance_setting_any_form_replaces_the_others()
    {
        var v = new ChannelVariables();
        v.Set("__X", "a");
        v.Set("X", "b");
        Assert.Equal("b", v.Get("__X"));
        Assert.Single(v.ToList());
    }

    [Fact]
    public void Case_Sensitivity_names_are_case_sensitive_since_asterisk_12()
    {
        var v = new ChannelVariables();
        v.Set("dest", "a");
        Assert.Null(v.Get("DEST"));
    }

    [Fact]
    public void Pushed_values_shadow_until_removed()
    {
        var v = new ChannelVariables();
        v.Set("ARG1", "outer");
        v.Push("ARG1", "inner");
        Assert.Equal("inner", v.Get("ARG1"));
        v.Remove("ARG1");
        Assert.Equal("outer", v.Get("ARG1"));
    }

    [Fact]
    public void Set_null_removes()
    {
        var v = new ChannelVariables();
        v.Set("A", "1");
        v.Set("A", null);
        Assert.False(v.TryGet("A", out _));
    }
}
