namespace TagBot.Core.Proposals;

/// <summary>Where a proposal stands; exactly one status label names it.</summary>
public enum ProposalStage
{
    Discussion,
    Blocked,
    Consensus,
    Accepted,
    Rejected,
}
