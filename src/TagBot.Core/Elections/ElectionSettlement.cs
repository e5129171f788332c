using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>
/// Whether an open election's outcome is settled (<c>elections.close_when_decided</c>): nominations are
/// closed, no nominee's consent is pending, the provisional result has no tie, and the voters who have
/// not taken part could not change who is elected, even if each of them supported every nominee not
/// elected (and, when objections veto, if any of them could veto). A position already taken counts as
/// final for this test, as in GitVote. A sufficient test, not an exact one: it may wait longer than
/// needed, never close too early.
/// </summary>
internal static class ElectionSettlement
{
    /// <returns>The reasoning when settled; null while the outcome could still change.</returns>
    public static string? Check(SeatsUp seatsUp, IReadOnlyList<NomineeRow> rows, Turnout turnout, ElectionPolicy rules)
    {
        if (rows.Any(r => r.Nomination.Consent == Consent.Pending && rules.NomineeMustAccept))
        {
            return null;
        }

        var remaining = Math.Max(0, turnout.Electorate - turnout.Voted);
        var now = ChairCommands.Allocate(seatsUp, rows, rules.TieBreak, []);
        if (now.HasOpenTie || (remaining > 0 && (!turnout.Met || rules.ObjectionsVeto)))
        {
            return null;
        }

        var elected = now.Elected.Select(a => a.Candidate.GitHub).ToHashSet(Login.Comparer);
        if (remaining > 0)
        {
            var boosted = rows.Select(r => elected.Contains(r.Nominee) ? r.AsCandidate() : Boosted(r, remaining, rules));
            var worst = SeatAllocator.Allocate(seatsUp.Limits(), boosted, rules.TieBreak, []);
            if (worst.HasOpenTie || !worst.Elected.Select(a => a.Candidate.GitHub).ToHashSet(Login.Comparer).SetEquals(elected))
            {
                return null;
            }
        }

        return $"{turnout.Describe()}; "
            + (remaining == 0
                ? "everyone in the electorate has taken a position"
                : $"even if the {remaining} who have not taken part all supported every nominee not elected, the same nominees would be elected")
            + " (`elections.close_when_decided`)";
    }

    /// <summary>A nominee not elected, with every remaining voter's support added.</summary>
    private static SeatCandidate Boosted(NomineeRow row, int remaining, ElectionPolicy rules)
    {
        var supports = row.BindingSupports + remaining;
        var unelectable = row.Nomination.Consent == Consent.Declined ? "declined"
            : rules.ObjectionsVeto && row.BindingObjections > 0 ? "vetoed"
            : supports < rules.SupportRequired ? "short of support"
            : null;
        return row.AsCandidate() with { Supports = supports, Unelectable = unelectable };
    }
}
