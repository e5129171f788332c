using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Core.Elections;

/// <summary>
/// The rules a nomination must pass, one pure function each: the refusal to reply with, or null when
/// the rule lets the nomination through. The replay applies them in the order listed here, and the
/// first refusal is the reply, so each message can assume the rules before it passed.
/// </summary>
public static class NominationRules
{
    /// <summary>
    /// <c>/nominate newbie</c>: a bare word that is a valid login but no region most likely meant
    /// <c>@newbie</c>. Checked first: the later rules would read it as the author standing in a region.
    /// </summary>
    public static string? LoginWithoutAt(NominationAttempt attempt, Policy policy)
    {
        if (attempt.Named || attempt.WrittenRegion is not { } word || !Login.IsValidLogin(word) || SeatsUp.RegionOf(policy, word) is not null)
        {
            return null;
        }

        var regions = policy.Regions.Count == 0
            ? "This repository defines no regions."
            : $"`{word}` is not a region here; the regions are {Regions(policy)}.";
        return $"did you mean `@{word}`? A nominee is named with `@`: `/nominate @{word}`. ({regions})";
    }

    public static string? SelfNominationOff(NominationAttempt attempt, ElectionPolicy rules) =>
        attempt.Self && !rules.SelfNomination
            ? $"self-nomination is off in this repository (`elections.self_nomination: false`). Ask someone to nominate you with `/nominate @{attempt.Author}`."
            : null;

    /// <param name="existing">The nominee's earlier nomination on this issue, or null.</param>
    public static string? AlreadyNominated(NominationAttempt attempt, Nomination? existing)
    {
        if (existing is null)
        {
            return null;
        }

        var hint = existing.Consent switch
        {
            Consent.Declined when attempt.Self => " You declined; to stand again, comment `/accept`.",
            Consent.Declined => $" They declined; to stand again, @{existing.Nominee} comments `/accept`.",
            Consent.Pending when attempt.Self => " To stand, comment `/accept`.",
            _ => "",
        };
        return $"@{existing.Nominee} is already nominated, by @{existing.NominatedBy} on {Markdown.Date(existing.Source.At)} in "
            + $"{Markdown.Link("this comment", existing.Source.Url)}.{hint}";
    }

    /// <summary>A nominee must hold one of <c>elections.candidates</c> (a role, or a team they are in; unless it says <c>anyone</c>), whoever nominates them.</summary>
    public static string? NotACandidate(NominationAttempt attempt, Authority authority)
    {
        var rules = authority.Policy.Elections;
        if (authority.MayStand(attempt.Nominee))
        {
            return null;
        }

        return $"{attempt.Who} cannot stand: a nominee must hold one of the roles {Authority.List(rules.Candidates)} in `{authority.Policy.Roster.Path}`"
            + (rules.Candidates.Any(Teams.TeamName.IsTeam) ? " (a `team:` entry: be a member of that GitHub team)" : "") + ", "
            + $"and the roster gives {attempt.Them} {authority.RolesOf(attempt.Nominee)}. A roster change reviewed by the maintainers can add {attempt.Them} first.";
    }

    /// <summary>A holder whose term runs past the next election keeps their seat: it is not up, so they cannot stand for it.</summary>
    public static string? SeatNotUp(NominationAttempt attempt, SeatsUp seatsUp)
    {
        if (seatsUp.Continuing.FirstOrDefault(h => Login.Comparer.Equals(h.GitHub, attempt.Nominee)) is not { } holder)
        {
            return null;
        }

        var until = holder.Term is { } t
            ? $"until {Dates.Day(t.End)}, past the next election ({Dates.Day(seatsUp.NextElection)})"
            : "with no end date";
        return $"{attempt.Who} already {(attempt.Self ? "hold" : "holds")} `{seatsUp.Role}` {until}, so {(attempt.Self ? "your" : "their")} seat is not up in this election.";
    }

    /// <summary>Refused when one more term would make the nominee's run of consecutive terms longer than <c>max_consecutive_terms</c>.</summary>
    public static string? TermLimitReached(NominationAttempt attempt, Roster roster, SeatsUp seatsUp, RolePolicy role)
    {
        if (role.MaxConsecutiveTerms is not { } max)
        {
            return null;
        }

        var run = TermLimit.CurrentRun(roster, seatsUp.Role, attempt.Nominee, seatsUp.AsOf, role.MonthsBetweenElections);
        if (run.Count < max)
        {
            return null;
        }

        return $"{attempt.Who} {(attempt.Self ? "have" : "has")} served {run.Count} consecutive {(run.Count == 1 ? "term" : "terms")} as `{seatsUp.Role}` "
            + $"({Dates.Day(run[0].Start)} to {Dates.Day(run[^1].End)}) and `max_consecutive_terms` is {max}: another term would exceed it.";
    }

    /// <summary>With no <c>regions</c> in the policy, a region word can only be a mistake.</summary>
    public static string? RegionWithoutRegions(NominationAttempt attempt, Policy policy) =>
        policy.Regions.Count == 0 && attempt.WrittenRegion is { } written
            ? $"this repository defines no regions, so `{written}` cannot be one. Leave it out: `/nominate{(attempt.Self ? "" : " @" + attempt.Nominee)}`."
            : null;

    public static string? UnknownRegion(NominationAttempt attempt, Policy policy) =>
        policy.Regions.Count > 0 && attempt.WrittenRegion is { } written && SeatsUp.RegionOf(policy, written) is null
            ? $"`{written}` is not a region here; the regions are {Regions(policy)}. For example: `/nominate @{attempt.Nominee} {policy.Regions[0]}`."
            : null;

    /// <summary>With regions in the policy, a nominee stands in one: the command's, else the roster's.</summary>
    public static string? RegionMissing(NominationAttempt attempt, Policy policy)
    {
        if (policy.Regions.Count == 0 || attempt.WrittenRegion is not null || SeatsUp.RegionOf(policy, attempt.Person?.Region) is not null)
        {
            return null;
        }

        var given = attempt.Person?.Region is { Length: > 0 } r ? $"the region `{r}`, which is not one of {Regions(policy)}" : "no region";
        return $"the roster gives {attempt.Who} {given}, so name the region {(attempt.Self ? "you stand" : "they stand")} in: "
            + $"`/nominate @{attempt.Nominee} REGION` with REGION one of {Regions(policy)}.";
    }

    /// <summary>The region a nomination that passed every rule stands in (policy spelling); null when the policy has no regions.</summary>
    public static string? RegionOf(NominationAttempt attempt, Policy policy) =>
        SeatsUp.RegionOf(policy, attempt.WrittenRegion ?? attempt.Person?.Region);

    private static string Regions(Policy policy) => string.Join(", ", policy.Regions.Select(r => $"`{r}`"));
}
