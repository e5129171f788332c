using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>One <c>/nominate</c> as the <see cref="NominationRules"/> read it.</summary>
/// <param name="Author">Who commented.</param>
/// <param name="Nominee">Who is nominated: the roster's spelling when the roster knows them, else as written; the author when nobody is named.</param>
/// <param name="Named">Whether the command named the nominee with <c>@</c>.</param>
/// <param name="WrittenRegion">The command's other word, as written (a region, or a login missing its <c>@</c>), or null.</param>
/// <param name="Person">The nominee in the roster's <c>people</c>, or null.</param>
public sealed record NominationAttempt(string Author, string Nominee, bool Named, string? WrittenRegion, Person? Person)
{
    public bool Self => Login.Comparer.Equals(Nominee, Author);

    /// <summary>How a reply names the nominee: "you" or "@alice".</summary>
    public string Who => Self ? "you" : "@" + Nominee;

    /// <summary>How a reply refers to the nominee after naming them.</summary>
    public string Them => Self ? "you" : "them";
}
