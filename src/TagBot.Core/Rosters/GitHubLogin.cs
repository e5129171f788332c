namespace TagBot.Core.Rosters;

/// <summary>GitHub login syntax, and how logins compare (case-insensitively, as GitHub does).</summary>
public static class GitHubLogin
{
    public const int MaxLength = 39;

    /// <summary>How logins compare everywhere in TagBot.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// 1–39 characters of <c>A–Z a–z 0–9 -</c>, not starting with '-'. (GitHub also forbids trailing and
    /// repeated hyphens for new accounts, but some old accounts have them, so they are accepted.)
    /// </summary>
    public static bool IsValid(string? login) =>
        login is { Length: > 0 and <= MaxLength }
        && login[0] != '-'
        && login.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Why <paramref name="login"/> is not a valid login, or null when it is.</summary>
    public static string? Problem(string login)
    {
        if (IsValid(login))
        {
            return null;
        }
        if (login.StartsWith('@'))
        {
            return $"'{login}' is not a GitHub login; write it without the '@'";
        }
        if (login.Length > MaxLength)
        {
            return $"'{login}' is not a GitHub login: longer than {MaxLength} characters";
        }
        return $"'{login}' is not a GitHub login: only letters, digits and '-' (not first) are allowed";
    }
}
