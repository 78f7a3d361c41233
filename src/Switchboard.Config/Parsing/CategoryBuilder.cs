namespace Switchboard.Config.Parsing;

/// <summary>Mutable category while a document is being parsed; frozen into a <see cref="ConfCategory"/> at the end.</summary>
internal sealed class CategoryBuilder
{
    public CategoryBuilder(string name, bool isTemplate, IReadOnlyList<string> templates, string file, int line)
    {
        Name = name;
        IsTemplate = isTemplate;
        Templates = templates;
        File = file;
        Line = line;
    }

    public string Name { get; }

    public bool IsTemplate { get; }

    public IReadOnlyList<string> Templates { get; }

    public string File { get; }

    public int Line { get; }

    public List<ConfEntry> Entries { get; } = [];

    public ConfCategory Build() => new(Name, IsTemplate, Templates, Entries.ToArray(), File, Line);
}
