using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>
/// The <c>elections:</c> section. Whether <c>elections.role</c> is a role is checked once the whole file
/// is read, since <c>roles</c> may come later.
/// </summary>
internal static class ElectionsReader
{
    private const string Section = "elections";

    private static readonly IReadOnlyList<string> Keys = SectionKeys.Of(Section);

    private static readonly Dictionary<string, TieBreak> TieBreaks = new(StringComparer.Ordinal)
    {
        ["chair"] = TieBreak.Chair,
        ["earliest-nomination"] = TieBreak.EarliestNomination,
    };

    private static readonly Dictionary<string, BallotMode> Ballots = new(StringComparer.Ordinal)
    {
        ["comments"] = BallotMode.Comments,
        ["secret"] = BallotMode.Secret,
    };

    private static readonly Dictionary<string, Elections.Ballots.BallotKind> BallotTypes = new(StringComparer.Ordinal)
    {
        ["approval"] = Elections.Ballots.BallotKind.Approval,
        ["ranked"] = Elections.Ballots.BallotKind.Ranked,
    };

    public static ElectionPolicy Read(ConfigNodeReader r, ConfigNode node, ElectionPolicy e)
    {
        foreach (var (key, value) in r.Fields(node, Keys))
        {
            e = key switch
            {
                "label" => r.TryName(value, out var label) ? e with { Label = label } : e,
                "role" => r.TryName(value, out var role) ? e with { Role = role } : e,
                "self_nomination" => r.TryBool(value, out var self) ? e with { SelfNomination = self } : e,
                "nominee_must_accept" => r.TryBool(value, out var accept) ? e with { NomineeMustAccept = accept } : e,
                "candidates" => e with { Candidates = RoleListReader.Read(r, value, e.Candidates) },
                "support_required" => r.TryInt(value, 0, out var support) ? e with { SupportRequired = support } : e,
                "objections_veto" => r.TryBool(value, out var veto) ? e with { ObjectionsVeto = veto } : e,
                "tie_break" => r.TryChoice(value, TieBreaks, out var tieBreak) ? e with { TieBreak = tieBreak } : e,
                "reviewers" => r.TryStringList(value, out var reviewers) ? e with { Reviewers = ReviewersReader.Read(r, reviewers) } : e,
                "nominations_days" => r.TryOptionalInt(value, 1, out var nominations) ? e with { NominationsDays = nominations } : e,
                "voting_days" => r.TryOptionalInt(value, 1, out var voting) ? e with { VotingDays = voting } : e,
                "min_open_days" => r.TryInt(value, 0, out var minOpen) ? e with { MinOpenDays = minOpen } : e,
                "close_when_decided" => r.TryBool(value, out var decided) ? e with { CloseWhenDecided = decided } : e,
                "quorum" => FractionReader.TryRead(r, value, out var quorum) ? e with { Quorum = quorum } : e,
                "ballot" => r.TryChoice(value, Ballots, out var ballot) ? e with { Ballot = ballot } : e,
                "ballot_type" => r.TryChoice(value, BallotTypes, out var ballotType) ? e with { BallotType = ballotType } : e,
                "allow_no_opinion" => r.TryBool(value, out var noOpinion) ? e with { AllowNoOpinion = noOpinion } : e,
                "ballots_path" => r.TryName(value, out var ballotsPath) ? e with { BallotsPath = ballotsPath.Trim('/') } : e,
                "schedule" => e with { Schedule = ScheduleReader.Read(r, value, e.Schedule) },
                "electorate" => e with { Electorate = ElectorateSectionReader.Read(r, value, e.Electorate) },
                _ => throw SectionKeys.Unread(Section, key),
            };
        }
        return e;
    }
}
