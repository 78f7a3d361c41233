using System.Globalization;
using System.Text;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// The outbox's dead-letter folder (<c>&lt;outbox&gt;/failed/</c>): a mail the server refused for good, or that failed
/// too often, is moved here with a sidecar <c>&lt;id&gt;.reason</c> holding when, where, how many attempts and the last
/// SMTP reply. Nothing is deleted: <c>minivm retry</c> moves a mail back into the outbox.
/// </summary>
public sealed class MailDeadLetters(string outboxDirectory)
{
    public const string FolderName = "failed";

    private const string ReasonExtension = ".reason";

    public string DirectoryPath { get; } = Path.Combine(outboxDirectory, FolderName);

    /// <summary>Moves <paramref name="file"/> here and writes its sidecar; false with the error when the move failed.</summary>
    public bool TryAdd(string file, DeadLetterReason reason, out string? error)
    {
        ArgumentNullException.ThrowIfNull(reason);
        string id = Path.GetFileNameWithoutExtension(file);
        try
        {
            Directory.CreateDirectory(DirectoryPath);
            File.WriteAllText(Path.Combine(DirectoryPath, id + ReasonExtension), reason.Write(), Encoding.UTF8);
            File.Move(file, Path.Combine(DirectoryPath, id + ".eml"), overwrite: true);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>The dead letters, oldest first.</summary>
    public IReadOnlyList<DeadLetter> List()
    {
        if (!Directory.Exists(DirectoryPath))
        {
            return [];
        }

        var files = Directory.GetFiles(DirectoryPath, "*.eml");
        Array.Sort(files, StringComparer.Ordinal);
        var list = new List<DeadLetter>(files.Length);
        foreach (var file in files)
        {
            string id = Path.GetFileNameWithoutExtension(file);
            string sidecar = Path.Combine(DirectoryPath, id + ReasonExtension);
            DeadLetterReason? reason = null;
            try
            {
                reason = File.Exists(sidecar) ? DeadLetterReason.Read(File.ReadAllText(sidecar, Encoding.UTF8)) : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _ = ex;
            }

            list.Add(new DeadLetter(id, file, reason));
        }

        return list;
    }

    /// <summary>Moves one dead letter (by id, or a unique prefix of it) or all (<c>all</c>) back into the outbox; the ids moved.</summary>
    public IReadOnlyList<string> Requeue(string idOrAll, out string? error)
    {
        error = null;
        var all = List();
        var chosen = new List<DeadLetter>();
        if (idOrAll.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            chosen.AddRange(all);
        }
        else
        {
            foreach (var d in all)
            {
                if (d.Id.Equals(idOrAll, StringComparison.Ordinal))
                {
                    chosen.Clear();
                    chosen.Add(d);
                    break;
                }

                if (idOrAll.Length > 0 && d.Id.StartsWith(idOrAll, StringComparison.Ordinal))
                {
                    chosen.Add(d);
                }
            }

            if (chosen.Count != 1)
            {
                error = chosen.Count == 0 ? $"no failed mail '{idOrAll}'" : $"'{idOrAll}' matches {chosen.Count.ToString(CultureInfo.InvariantCulture)} failed mails; give more of the id";
                return [];
            }
        }

        var moved = new List<string>(chosen.Count);
        foreach (var d in chosen)
        {
            try
            {
                File.Move(d.Path, Path.Combine(outboxDirectory, d.Id + ".eml"), overwrite: false);
                File.Delete(Path.Combine(DirectoryPath, d.Id + ReasonExtension));
                moved.Add(d.Id);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error = $"{d.Id}: {ex.Message}";
            }
        }

        return moved;
    }
}
