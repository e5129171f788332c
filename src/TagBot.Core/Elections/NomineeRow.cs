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

    public string Nominee => Nomination.Nominee;
}
