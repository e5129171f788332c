namespace TagBot.Core.Rosters;

/// <summary>Someone the roster knows (an entry of <c>people:</c>).</summary>
/// <param name="GitHub">Login, as written in the roster.</param>
/// <param name="Name">Display name, if given.</param>
/// <param name="Company">Employer, if given (for <c>max_per_company</c>).</param>
/// <param name="Region">Region, if given, spelled as the policy's <c>regions</c> when those were supplied.</param>
public sealed record Person(Login GitHub, string? Name, string? Company, string? Region);

/// <summary>A term of office. Dates are UTC calendar dates.</summary>
/// <param name="Start">First day of the term.</param>
/// <param name="End">The day the term ends (after <paramref name="Start"/>): the holder is no longer seated on it.</param>
public sealed record Term(DateOnly Start, DateOnly End)
{
    /// <summary>Whether the term covers <paramref name="date"/>: <c>Start ≤ date &lt; End</c>.</summary>
    public bool IsActiveOn(DateOnly date) => Start <= date && date < End;
}

/// <summary>A holder of a role (an entry under <c>roles.ROLE</c>); roles like <c>member</c> have no term.</summary>
public sealed record SeatHolder(Login GitHub, Term? Term);

/// <summary>A former holder of a role (an entry of <c>emeritus:</c>).</summary>
public sealed record EmeritusEntry(Login GitHub, string Role, Term? Term);
