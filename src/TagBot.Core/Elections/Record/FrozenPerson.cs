namespace TagBot.Core.Elections.Record;

/// <summary>A roster person as the election froze them: the login the roster gave, and GitHub's user ID (null when no account has that login).</summary>
public sealed record FrozenPerson(string Login, long? Id);
