namespace TagBot.Core.Policies;

/// <summary><c>proposals.electorate</c>: which roster a proposal's binding positions are judged by.</summary>
public enum ProposalElectorate
{
    /// <summary>The roster as it is at each pass (<c>current</c>): a voter added mid-discussion counts at once.</summary>
    Current,

    /// <summary>The roster as it was when the proposal opened (<c>frozen</c>), with user IDs, as an election freezes it.</summary>
    Frozen,
}
