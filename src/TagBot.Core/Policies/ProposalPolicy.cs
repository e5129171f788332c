namespace TagBot.Core.Policies;

/// <summary>The <c>proposals:</c> section of <c>.github/tagbot.yml</c>.</summary>
/// <param name="Label">Label that makes an issue a proposal.</param>
/// <param name="MinDiscussionDays">Whole 24-hour days since the creation before consensus.</param>
/// <param name="SupportRequired">Binding supports needed for consensus.</param>
/// <param name="ObjectionsBlock">Whether an open binding objection blocks consensus.</param>
public sealed record ProposalPolicy(
    string Label = "proposal",
    int MinDiscussionDays = 7,
    int SupportRequired = 2,
    bool ObjectionsBlock = true)
{
    /// <summary>When set, replaces <see cref="SupportRequired"/>: a share of the binding positions cast, or of the electorate.</summary>
    public SupportShare? SupportShare { get; init; }

    /// <summary>The share of the electorate that must take a binding position before consensus; null: no quorum.</summary>
    public Fraction? Quorum { get; init; }

    /// <summary>Whose positions are binding: the voters in the roster as it is now, or as it was when the proposal opened.</summary>
    public ProposalElectorate Electorate { get; init; } = ProposalElectorate.Current;

    /// <summary>Whether TagBot decides a proposal itself once no voter who has not taken part could change the outcome.</summary>
    public bool CloseWhenDecided { get; init; }

    /// <summary>Binding supports needed, given the binding positions cast and the electorate's size.</summary>
    public int Needed(int cast, int electorate) => SupportShare?.Needed(cast, electorate) ?? SupportRequired;

    /// <summary>The threshold in words: "2 binding supports" or "binding support from 2/3 of the binding positions cast".</summary>
    public string DescribeSupport() => SupportShare switch
    {
        null => SupportRequired == 1 ? "1 binding support" : $"{SupportRequired} binding supports",
        { Of: SupportBase.Cast } s => $"binding support from `{s.Share}` of the binding positions cast",
        { } s => $"binding support from `{s.Share}` of the electorate",
    };

    public static ProposalPolicy Default { get; } = new();
}
