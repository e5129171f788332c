using TagBot.Core.Commands;
using TagBot.Core.Issues;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Record;

/// <summary>
/// People matched by GitHub user ID, not login: GitHub shows a renamed account's old comments under
/// its new login, and a freed login can be taken by someone else. A comment's author is mapped to
/// the login the election froze for their ID; someone now using a frozen login under another ID is
/// kept apart (<c>login#id</c>, which no roster can hold). Mentions of a new login (<c>/support
/// @new</c>) map to the frozen one once that person has commented.
/// </summary>
public sealed class Identities
{
    private readonly Dictionary<string, string> _toFrozen = new(Login.Comparer);
    private readonly Dictionary<string, string> _renamed = new(Login.Comparer);
    private readonly Dictionary<string, string> _current = new(Login.Comparer);

    private Identities()
    {
    }

    /// <summary>No mapping: before a freeze, or for an election frozen before records existed.</summary>
    public static Identities None { get; } = new();

    public static Identities Of(ElectionRecord? record, IssueSnapshot issue)
    {
        if (record is null)
        {
            return None;
        }

        var identities = new Identities();
        foreach (var comment in issue.Comments.Where(c => !c.AuthorIsBot && c.AuthorId != 0))
        {
            var frozen = record.LoginOf(comment.AuthorId);
            if (frozen is not null && !Login.Comparer.Equals(frozen, comment.Author))
            {
                identities._toFrozen[comment.Author] = frozen;
                identities._renamed[comment.Author] = frozen;
                identities._current[frozen] = comment.Author;
            }
            else if (frozen is null && record.IdOf(comment.Author) is { } other && other != comment.AuthorId)
            {
                identities._toFrozen[comment.Author] = $"{comment.Author}#{comment.AuthorId}";
            }
        }

        return identities;
    }

    /// <summary>Frozen login → the login GitHub shows now, for everyone renamed since the freeze.</summary>
    public IReadOnlyDictionary<string, string> Renamed => _current;

    /// <summary>The login the election knows <paramref name="login"/> by.</summary>
    public string Frozen(string login) => _toFrozen.GetValueOrDefault(login) ?? login;

    /// <summary>The frozen login of a renamed person mentioned by their new login; anyone else as written.</summary>
    public string Mentioned(string login) => _renamed.GetValueOrDefault(login) ?? login;

    /// <summary>The issue with every author under their frozen login.</summary>
    public IssueSnapshot Apply(IssueSnapshot issue) => _toFrozen.Count == 0
        ? issue
        : issue with { Comments = [.. issue.Comments.Select(c => c.AuthorIsBot ? c : c with { Author = Frozen(c.Author) })] };

    /// <summary>A command with every login it names under the frozen login.</summary>
    public Command Apply(Command command) => _renamed.Count == 0 ? command : command switch
    {
        SupportCommand s => s with { Nominees = [.. s.Nominees.Select(Mentioned)] },
        NominateCommand { Nominee: { } n } c => c with { Nominee = Mentioned(n) },
        ObjectCommand { Nominee: { } n } c => c with { Nominee = Mentioned(n) },
        WithdrawCommand { Nominee: { } n } c => c with { Nominee = Mentioned(n) },
        BreakTieCommand b => b with { Nominee = Mentioned(b.Nominee) },
        _ => command,
    };
}
