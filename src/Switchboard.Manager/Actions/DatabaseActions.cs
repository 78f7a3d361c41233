using Switchboard.Core.Storage;
using Switchboard.Manager.Config;
using Switchboard.Manager.Protocol;

namespace Switchboard.Manager.Actions;

/// <summary>DBGet, DBPut, DBDel and DBDelTree on AstDB.</summary>
internal static class DatabaseActions
{
    public static void Register(AmiActionRegistry registry)
    {
        registry.Add(AmiAction.Sync("DBGet", AmiClass.System | AmiClass.Reporting, "Get DB Entry.", c => WithDb(c, Get)));
        registry.Add(AmiAction.Sync("DBPut", AmiClass.System, "Put DB entry.", c => WithDb(c, Put)));
        registry.Add(AmiAction.Sync("DBDel", AmiClass.System, "Delete DB entry.", c => WithDb(c, Del)));
        registry.Add(AmiAction.Sync("DBDelTree", AmiClass.System, "Delete DB Tree.", c => WithDb(c, DelTree)));
    }

    private static void WithDb(AmiActionContext c, Action<AmiActionContext, AstDatabase, string> action)
    {
        if (c.Manager.Database is not { } db)
        {
            c.Error("Database is not available");
            return;
        }

        var family = c.Header("Family");
        if (string.IsNullOrEmpty(family))
        {
            c.Error("No family specified.");
            return;
        }

        action(c, db, family);
    }

    private static void Get(AmiActionContext c, AstDatabase db, string family)
    {
        var key = c.Header("Key");
        if (string.IsNullOrEmpty(key))
        {
            c.Error("No key specified.");
            return;
        }

        var value = db.Get(family, key);
        if (value is null)
        {
            c.Error("Database entry not found");
            return;
        }

        c.List("Result will follow", "DBGetComplete",
            [AmiMessage.ListEvent("DBGetResponse", c.ActionId).Add("Family", family).Add("Key", key).Add("Val", value)]);
    }

    private static void Put(AmiActionContext c, AstDatabase db, string family)
    {
        var key = c.Header("Key");
        if (string.IsNullOrEmpty(key))
        {
            c.Error("No key specified");
            return;
        }

        if (db.Put(family, key, c.Header("Val") ?? string.Empty))
        {
            c.Success("Updated database successfully");
        }
        else
        {
            c.Error("Failed to update entry");
        }
    }

    private static void Del(AmiActionContext c, AstDatabase db, string family)
    {
        var key = c.Header("Key");
        if (string.IsNullOrEmpty(key))
        {
            c.Error("No key specified.");
            return;
        }

        if (db.Delete(family, key))
        {
            c.Success("Key deleted successfully");
        }
        else
        {
            c.Error("Database entry not found");
        }
    }

    private static void DelTree(AmiActionContext c, AstDatabase db, string family)
    {
        if (db.DeleteTree(family, c.Header("Key")) > 0)
        {
            c.Success("Key tree deleted successfully");
        }
        else
        {
            c.Error("Database entry not found");
        }
    }
}
