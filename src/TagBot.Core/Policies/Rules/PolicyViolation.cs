namespace TagBot.Core.Policies.Rules;

/// <summary>
/// A policy breaking one of the rules that span keys. The rules see only the merged policy, so the loader
/// places the error: at the first key of <paramref name="At"/> that the file sets, else at the top of the
/// file (the conflict is then between defaults and something the file changed elsewhere).
/// </summary>
/// <param name="Key">The dotted key the error is reported under.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="At">Dotted keys to point at, most precise first.</param>
public sealed record PolicyViolation(string Key, string Message, IReadOnlyList<string> At);
