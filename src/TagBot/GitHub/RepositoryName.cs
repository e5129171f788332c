namespace TagBot.GitHub;

/// <summary><c>owner/name</c>, split once for Octokit's two-argument methods.</summary>
public readonly record struct RepositoryName(string Owner, string Name)
{
    public static RepositoryName Parse(string fullName)
    {
        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == fullName.Length - 1)
        {
            throw new ArgumentException($"'{fullName}' is not an owner/name repository.", nameof(fullName));
        }

        return new RepositoryName(fullName[..slash], fullName[(slash + 1)..]);
    }

    public override string ToString() => $"{Owner}/{Name}";
}
