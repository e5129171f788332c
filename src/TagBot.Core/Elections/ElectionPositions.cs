using TagBot.Core.Commands;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Proposals;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>
/// Each person's position on each nominee while the election is open: the latest <c>/support</c> or
/// <c>/object</c> about them wins, and <c>/withdraw</c> takes it back. The replay refuses these
/// commands after the close before they get here.
/// </summary>
internal sealed class ElectionPositions(Authority authority, IReadOnlyDictionary<string, Nomination> nominations)
{
    private readonly Dictionary<(Login Voter, Login Nominee), ElectionPosition> _current = [];
    private readonly Dictionary<(Login Voter, Login Nominee), Uncounted> _withdrawn = [];

    public IEnumerable<ElectionPosition> Current => _current.Values;

    /// <summary>Positions taken back and not replaced by a new one: listed as not counted.</summary>
    public IEnumerable<Uncounted> Withdrawn => _withdrawn.Values;

    public Verdict Support(IssueComment comment, SupportCommand command)
    {
        if (command.Nominees.Count == 0)
        {
            return Verdict.Refuse(comment, command, "name the nominees you support: `/support @alice @bob`.");
        }

        // A line is all or nothing, like the parser refuses half-readable lines.
        var unknown = command.Nominees.Where(n => !nominations.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            return Verdict.Refuse(comment, command,
                $"{ElectionText.Mentions(unknown)} {(unknown.Count == 1 ? "is" : "are")} not nominated{ElectionText.NomineeList(nominations.Values)}. Nothing from this line was recorded: "
                + $"nominate {(unknown.Count == 1 ? "them" : "each")} first (`/nominate @{unknown[0]}`), or leave them out.");
        }

        // Counting one's own support would let every self-nominated voter meet support_required alone.
        if (command.Nominees.Any(n => Login.Comparer.Equals(n, comment.Author)))
        {
            return Verdict.Refuse(comment, command,
                $"you cannot support yourself: standing already says you want the seat. Nothing from this line was recorded; leave @{comment.Author} out.");
        }

        foreach (var nominee in command.Nominees)
        {
            Take(comment, nominations[nominee].Nominee, Stance.Support, null);
        }

        return Verdict.Apply(comment, command);
    }

    public Verdict Object(IssueComment comment, ObjectCommand command)
    {
        if (command.Nominee is not { } named)
        {
            return Verdict.Refuse(comment, command, "name the nominee you object to, then give a reason: `/object @alice <reason>`.");
        }

        if (!nominations.TryGetValue(named, out var nomination))
        {
            return Verdict.Refuse(comment, command, $"@{named} is not nominated{ElectionText.NomineeList(nominations.Values)}, so there is nothing to object to.");
        }

        if (Login.Comparer.Equals(named, comment.Author))
        {
            return Verdict.Refuse(comment, command, "you cannot object to yourself. To stop standing, comment `/decline`.");
        }

        Take(comment, nomination.Nominee, Stance.Object, command.Reason);
        return Verdict.Apply(comment, command);
    }

    public Verdict Withdraw(IssueComment comment, WithdrawCommand command)
    {
        if (command.Nominee is not { } named)
        {
            return Verdict.Refuse(comment, command, "name the nominee your support or objection was about: `/withdraw @alice`.");
        }

        var key = Key(comment.Author, named);
        if (!_current.Remove(key, out var previous))
        {
            return Verdict.Refuse(comment, command,
                $"you have no support or objection on @{named} to withdraw. To state one, comment `/support @{named}` or `/object @{named} <reason>`.");
        }

        _withdrawn[key] = new Uncounted(comment.Author, Describe(previous), "withdrawn", CommentRef.Of(comment));
        return Verdict.Apply(comment, command);
    }

    private void Take(IssueComment comment, string nominee, Stance stance, string? reason)
    {
        var key = Key(comment.Author, nominee);
        _current[key] = new ElectionPosition(comment.Author, nominee, stance, reason, authority.IsElectionVoter(comment.Author), CommentRef.Of(comment));
        _withdrawn.Remove(key);
    }

    private static (Login, Login) Key(string voter, string nominee) => (voter, nominee);

    private static string Describe(ElectionPosition position) =>
        position.Stance == Stance.Support ? $"support of @{position.Nominee}" : $"objection to @{position.Nominee}";
}
