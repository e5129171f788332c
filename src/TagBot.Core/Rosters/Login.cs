namespace TagBot.Core.Rosters;

/// <summary>
/// A GitHub login, compared as GitHub compares them: any casing is the same person
/// (<c>Alice</c> is <c>alice</c>), and only GitHub's own alphabet counts, so a look-alike written
/// with Cyrillic, Greek, fullwidth letters, other dashes or invisible characters is never equal
/// to the ASCII login it imitates. Keeps the case it was written in, for display.
/// </summary>
public readonly struct Login : IEquatable<Login>, IComparable<Login>
{
    public const int MaxLength = 39;

    private readonly string? _value;

    public Login(string value) => _value = value;

    /// <summary>The login as written.</summary>
    public string Value => _value ?? "";

    /// <summary>The one spelling of the login where it is written as a key (hidden markers): lower case.</summary>
    public string Canonical => Value.ToLowerInvariant();

    /// <summary>How the login is shown in a comment: <c>@alice</c>.</summary>
    public string Mention => "@" + Value;

    /// <summary>How logins compare where they are plain strings (dictionary keys, markers).</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// 1–39 characters of <c>A–Z a–z 0–9 -</c>, not starting with '-'. (GitHub also forbids trailing and
    /// repeated hyphens for new accounts, but some old accounts have them, so they are accepted.)
    /// </summary>
    public bool IsValid => IsValidLogin(_value);

    public static bool IsValidLogin(string? login) =>
        login is { Length: > 0 and <= MaxLength }
        && login[0] != '-'
        && login.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Why <paramref name="login"/> is not a valid login, or null when it is.</summary>
    public static string? Problem(string login)
    {
        if (IsValidLogin(login))
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

    public bool Equals(Login other) => Comparer.Equals(Value, other.Value);

    public override bool Equals(object? obj) => obj is Login other && Equals(other);

    public override int GetHashCode() => Comparer.GetHashCode(Value);

    public int CompareTo(Login other) => Comparer.Compare(Value, other.Value);

    public override string ToString() => Value;

    public static bool operator ==(Login left, Login right) => left.Equals(right);

    public static bool operator !=(Login left, Login right) => !left.Equals(right);

    public static bool operator <(Login left, Login right) => left.CompareTo(right) < 0;

    public static bool operator >(Login left, Login right) => left.CompareTo(right) > 0;

    public static bool operator <=(Login left, Login right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Login left, Login right) => left.CompareTo(right) >= 0;

    // Logins arrive as text (files, comments, GitHub's JSON) and leave as text (comments, files):
    // the conversions keep those edges plain while every comparison in between goes through Login.
    public static implicit operator Login(string value) => new(value);

    public static implicit operator string(Login login) => login.Value;
}
