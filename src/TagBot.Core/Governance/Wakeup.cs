using TagBot.Core.Policies;

namespace TagBot.Core.Governance;

/// <summary>What woke TagBot for an issue, as far as deciding whether to read it goes.</summary>
/// <param name="MentionsTagBot">A comment addressed TagBot (<c>/tagbot</c>).</param>
/// <param name="LabelRemoved">A label came off: the issue may have been tracked before.</param>
/// <param name="Sweep">The periodic sweep, which repairs whatever it finds.</param>
public sealed record Wakeup(bool MentionsTagBot, bool LabelRemoved, bool Sweep)
{
    /// <summary>
    /// Whether the issue is worth reading in full: it is tracked (a watched label), or what woke
    /// TagBot may concern it. Otherwise its comments are not worth a request.
    /// </summary>
    public bool Concerns(Policy policy, IEnumerable<string> labels) => policy.Tracks(labels) || MentionsTagBot || LabelRemoved || Sweep;
}
