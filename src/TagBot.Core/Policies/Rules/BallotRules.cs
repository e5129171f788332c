namespace TagBot.Core.Policies.Rules;

/// <summary>Rules of a secret ballot (<c>elections.ballot: secret</c>).</summary>
public static class BallotRules
{
    /// <summary>
    /// Settling early needs to know how the remaining voters could still vote, which a secret ballot hides until the
    /// close: the two cannot be combined.
    /// </summary>
    public static IEnumerable<PolicyViolation> SecretBallotsCloseByTime(Policy policy)
    {
        if (policy.Elections is { Secret: true, CloseWhenDecided: true })
        {
            yield return new PolicyViolation("elections.close_when_decided",
                "cannot be true with elections.ballot: secret: ballots stay sealed until the close, so TagBot cannot tell early "
                + "that the result is settled. Close at the voting deadline (elections.voting_days) or by /close-election.",
                ["elections.close_when_decided", "elections.ballot"]);
        }
    }
}
