using System.Collections.Frozen;
using TagBot.Core.Yaml;

namespace TagBot.Core.Commands;

/// <summary>
/// Every command TagBot understands. Help prints <see cref="Families"/> in this order: proposal
/// positions first (support, object, withdraw), then the chairs' triage and decision, then the
/// election's life (nominate, consent, close, break a tie), and the commands for any issue last.
/// The generated command reference uses the same order, so the docs and the bot's help read alike.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandFamily> Families { get; } =
    [
        new SupportFamily(),
        new ObjectFamily(),
        new WithdrawFamily(),
        new TriageFamily(),
        new DecideFamily(),
        new NominateFamily(),
        new ConsentFamily(),
        new OpenVotingFamily(),
        new CloseElectionFamily(),
        new ReopenElectionFamily(),
        new BreakTieFamily(),
        new TagBotFamily(),
    ];

    private static readonly FrozenDictionary<string, CommandFamily> ByVerb = Families
        .SelectMany(family => family.Verbs, (family, verb) => KeyValuePair.Create(verb, family))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The family of a verb, or null when the verb is not TagBot's.</summary>
    public static CommandFamily? Find(string verb) => ByVerb.GetValueOrDefault(verb);

    /// <summary>
    /// The TagBot verb an unknown one almost is (<c>close_election</c>, <c>nomiate</c>), or null. Tight on
    /// purpose, since other bots share the slash namespace: an underscore for the hyphen, or one edit (two for
    /// verbs of eight letters or more). <c>/close</c>, <c>/lgtm</c> or <c>/assign</c> are nobody's near miss.
    /// </summary>
    public static string? NearMiss(string verb)
    {
        var written = verb.ToLowerInvariant().Replace('_', '-');
        if (ByVerb.ContainsKey(written))
        {
            return written;
        }

        var limit = written.Length >= 8 ? 2 : 1;
        return ByVerb.Keys
            .Select(known => (Verb: known, Distance: KeySuggester.Distance(written, known)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance).ThenBy(c => c.Verb, StringComparer.Ordinal)
            .Select(c => c.Verb)
            .FirstOrDefault();
    }
}
