namespace Switchboard.Hosting;

/// <summary>Checks on seed file names before they are written under the config dir.</summary>
internal static class SeedPaths
{
    /// <summary>True for a plain relative path without "..", rooted or empty parts.</summary>
    public static bool IsSafeRelative(string relative)
    {
        if (relative.Length == 0 || relative[0] == '/' || Path.IsPathRooted(relative))
        {
            return false;
        }

        foreach (string part in relative.Split('/'))
        {
            if (part.Length == 0 || part == "." || part == "..")
            {
                return false;
            }
        }

        return true;
    }
}
