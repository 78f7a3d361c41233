using System.Text.Json;

namespace Switchboard.AutoBan.State;

/// <summary>Reads and writes autoban.json; writes go to a temporary file that is renamed over the old one.</summary>
internal sealed class AutoBanStateStore(string path)
{
    public string Path { get; } = path;

    /// <summary>
    /// Loads the document; null when there is none. An unreadable file is moved aside (kept, never deleted) and
    /// reported through <paramref name="error"/> and <paramref name="keptAs"/>.
    /// </summary>
    public AutoBanStateDocument? Load(out string? error, out string? keptAs)
    {
        error = null;
        keptAs = null;
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(Path);
            var doc = JsonSerializer.Deserialize(stream, AutoBanStateJsonContext.Default.AutoBanStateDocument);
            if (doc is null || doc.Version != 1)
            {
                throw new JsonException(doc is null ? "empty document" : $"unsupported version {doc.Version}");
            }

            return doc;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            error = ex.Message;
            keptAs = Path + ".corrupt";
            try
            {
                File.Move(Path, keptAs, overwrite: true);
            }
            catch (Exception moveEx) when (moveEx is IOException or UnauthorizedAccessException)
            {
                keptAs = Path + " (could not be moved: " + moveEx.Message + ")";
            }

            return null;
        }
    }

    public void Save(AutoBanStateDocument document)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var temp = Path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, document, AutoBanStateJsonContext.Default.AutoBanStateDocument);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path, overwrite: true);
    }
}
