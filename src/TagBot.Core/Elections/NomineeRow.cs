using TagBot.Core.Policies;
using TagBot.Core.Proposals;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>A nominee's line of the status table.</summary>
/// <param name="Missing">Why the nominee is not electable (empty when electable), e.g. "declined", "needs 1 more binding support".</param>
public sealed record NomineeRow(
    Nomination Nomination,
    int BindingSupports,
    int NonBindingSupports,
    int BindingObjections,
    int NonBindingObjections,
    IReadOnlyList<string> Missing)
{
    public bool Electable => Missing.Count == 0;

    /// <summary>With a secret ballot, once counted: the nominee's score in the count, which ranks them instead of supports.</summary>
    public int? BallotScore { get; init; }

    public string Nominee => Nomination.Nominee;

    /// <summary>
    /// Counts the positions on one nominee and says what keeps them from being electable: consent,
    /// <c>support_required</c> binding supports, and with <c>objections_veto</c> no binding objection.
    /// </summary>
    public static NomineeRow Of(Nomination nomination, IEnumerable<ElectionPosition> positions, ElectionPolicy rules)
    {
        var on = positions.Where(p => Login.Comparer.Equals(p.Nominee, nomination.Nominee)).ToList();
        var supports = on.Count(p => p.Binding && p.Stance == Stance.Support);
        var objectors = on.Where(p => p.Binding && p.Stance == Stance.Object).OrderBy(p => p.Source.At).ThenBy(p => p.Source.Id).ToList();
        var missing = new List<string>();
        if (nomination.Consent == Consent.Declined)
        {
            missing.Add("declined");
        }
        else if (nomination.Consent == Consent.Pending && rules.NomineeMustAccept)
        {
            missing.Add("not accepted yet");
        }

        if (supports < rules.SupportRequired)
        {
            var more = rules.SupportRequired - supports;
            missing.Add(more == 1 ? "needs 1 more binding support" : $"needs {more} more binding supports");
        }

        if (rules.ObjectionsVeto && objectors.Count > 0)
        {
            missing.Add($"vetoed by a binding objection ({ElectionText.Mentions(objectors.Select(p => p.Voter))})");
        }

        return new NomineeRow(
            nomination,
            supports,
            on.Count(p => !p.Binding && p.Stance == Stance.Support),
            objectors.Count,
            on.Count(p => !p.Binding && p.Stance == Stance.Object),
            missing);
    }

    /// <summary>The nominee as <see cref="SeatAllocator"/> sees them.</summary>
    public SeatCandidate AsCandidate() =>
        new(Nominee, Nomination.Region, Nomination.Company, BallotScore ?? BindingSupports, Nomination.Order, Electable ? null : string.Join("; ", Missing));
}
