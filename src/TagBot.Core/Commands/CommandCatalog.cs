using System.Collections.Frozen;

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
        new CloseElectionFamily(),
        new BreakTieFamily(),
        new TagBotFamily(),
    ];

    private static readonly FrozenDictionary<string, CommandFamily> ByVerb = Families
        .SelectMany(family => family.Verbs, (family, verb) => KeyValuePair.Create(verb, family))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The family of a verb, or null when the verb is not TagBot's.</summary>
    public static CommandFamily? Find(string verb) => ByVerb.GetValueOrDefault(verb);
}
