namespace TagBot.Core.Policies;

/// <summary>Format of the roster file that roster pull requests edit.</summary>
public enum RosterFormat
{
    /// <summary>TagBot's own YAML format (<c>tagbot</c>).</summary>
    Tagbot,

    /// <summary>An entry of cncf/toc's <c>tags.yaml</c> (<c>cncf-toc</c>).</summary>
    CncfToc,

    /// <summary>Marker-delimited Markdown tables (<c>markdown-table</c>).</summary>
    MarkdownTable,

    /// <summary>One group of Kubernetes' <c>sigs.yaml</c> (<c>k8s-sigs</c>).</summary>
    K8sSigs,
}

/// <summary>The <c>roster:</c> section of <c>.github/tagbot.yml</c>.</summary>
/// <param name="Path">Repository path of the roster file.</param>
/// <param name="Format">How the roster file is written.</param>
/// <param name="Entry">cncf-toc, k8s-sigs: the <c>dir</c> of the tags.yaml entry or sigs.yaml group to edit (required then).</param>
/// <param name="MembersPath">cncf-toc, markdown-table, k8s-sigs: optional tagbot-format file adding people and members.</param>
public sealed record RosterSettings(
    string Path = "governance/roster.yaml",
    RosterFormat Format = RosterFormat.Tagbot,
    string? Entry = null,
    string? MembersPath = null)
{
    public static RosterSettings Default { get; } = new();
}
