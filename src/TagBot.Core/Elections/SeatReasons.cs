namespace TagBot.Core.Elections;

/// <summary>
/// The English of <see cref="SeatAllocator"/>: why a nominee is not seated, why a tie holds, why a
/// minimum falls short. Kept apart so the allocation reads as rules and the wording can change alone.
/// </summary>
internal static class SeatReasons
{
    /// <summary>For a nominee seating never reached: only a refusal records a more precise reason.</summary>
    public const string NotSeated = "not seated";

    public static string NotElectable(string why) => "not electable: " + why;

    public static string Tied(SeatTie tie) =>
        $"tied: {ElectionText.Mentions(tie.Nominees)} have {tie.Supports} binding {(tie.Supports == 1 ? "support" : "supports")} each "
        + $"and compete for {tie.Seats} {(tie.Seats == 1 ? "seat" : "seats")}; a chair decides with `/break-tie @user`";

    /// <summary>Appended to the reason of a nominee a chair's pick passed over.</summary>
    public static string PickedOver(IEnumerable<string> picked) => $" (a chair's `/break-tie` picked {ElectionText.Mentions(picked)})";

    /// <summary>Appended to the reason of a nominee who lost a tie to an earlier nomination.</summary>
    public static string LostToEarlierNomination(IEnumerable<string> tiedWith) =>
        $" (tied with {ElectionText.Mentions(tiedWith)}; the earlier nomination wins under `tie_break: earliest-nomination`)";

    public static string TotalFilled(int total) => total switch
    {
        0 => "no seat is up",
        1 => "the 1 seat up is filled",
        _ => $"all {total} seats up are filled",
    };

    public static string RegionFilled(string region, int cap) => cap switch
    {
        0 => $"no seat is up in {region}",
        1 => $"the 1 seat up in {region} is filled",
        _ => $"all {cap} seats up in {region} are filled",
    };

    public static string CompanyLimit(int max, string company, IEnumerable<string> holders) =>
        $"gives way to `max_per_company: {max}`: {company} would have more than {max} (already {ElectionText.Mentions(holders)})";

    /// <summary>A minimum short for want of nominees: <paramref name="nominees"/> electable ones and <paramref name="continuing"/> holders are all there are.</summary>
    public static string TooFewToMeetMinimum(string region, int nominees, int continuing) =>
        nominees switch
        {
            0 => $"no electable nominee stands in {region}",
            1 => $"only 1 electable nominee stands in {region}",
            var n => $"only {n} electable nominees stand in {region}",
        }
        + continuing switch
        {
            0 => "",
            1 => " and 1 holder continues there",
            var n => $" and {n} holders continue there",
        };

    /// <param name="blocks">Each nominee left out, with the limit that stopped them.</param>
    public static string HardLimitPrevents(IEnumerable<(string Nominee, string Why)> blocks) =>
        "a hard limit prevents it: " + string.Join("; ", blocks.Select(b => $"@{b.Nominee} {b.Why}"));
}
