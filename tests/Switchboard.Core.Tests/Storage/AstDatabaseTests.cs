using Switchboard.Core.Storage;

namespace Switchboard.Core.Tests.Storage;

public sealed class AstDatabaseTests
{
    [Fact]
    public void Put_get_delete_and_deltree_follow_asterisk_key_layout()
    {
        var path = Path.Combine(Path.GetTempPath(), "sb-astdb-" + Guid.NewGuid().ToString("N") + ".sqlite3");
        using var sql = new SqliteDatabase(path);
        var db = new AstDatabase(sql);
        db.Put("cidname", "12025550160", "John");
        db.Put("cidname/sub", "x", "1");
        db.Put("cidnamex", "y", "2");
        Assert.Equal("John", db.Get("cidname", "12025550160"));
        Assert.Null(db.Get("cidname", "nope"));
        Assert.Contains(db.Show(), kv => kv.Key == "/cidname/12025550160");
        Assert.Equal(2, db.DeleteTree("cidname"));
        Assert.Equal("2", db.Get("cidnamex", "y"));
        Assert.True(db.Delete("cidnamex", "y"));
        Assert.False(db.Delete("cidnamex", "y"));
    }
}
