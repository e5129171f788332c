using System.Text.Json;
using TagBot.Core.Elections.Ballots;

namespace TagBot.Ballots;

/// <summary>A ballot as stored: its preference tiers as JSON, e.g. <c>[["alice","bob"],["carol"]]</c>.</summary>
internal static class BallotText
{
    public static string Write(Ballot ballot) => JsonSerializer.Serialize(ballot.Preferences);

    public static Ballot Read(string text) =>
        new([.. (JsonSerializer.Deserialize<string[][]>(text) ?? []).Select(tier => (IReadOnlyList<string>)tier)]);
}
