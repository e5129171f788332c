namespace TagBot.Cli;

/// <summary>
/// A rehearsal script for <c>simulate</c>: the policy and roster files, one issue and its comments
/// (authors and times), and the moment to look at the result. See <c>examples/</c>.
/// </summary>
internal sealed record Scenario(
    ScenarioText? Policy,
    ScenarioText Roster,
    ScenarioText? Members,
    ScenarioIssue Issue,
    IReadOnlyList<ScenarioComment> Comments,
    DateTimeOffset? Now);

internal sealed record ScenarioIssue(
    int Number,
    string Title,
    string Author,
    DateTimeOffset Created,
    IReadOnlyList<string> Labels,
    string Body);

/// <param name="Line">Where the comment starts in the scenario file.</param>
internal sealed record ScenarioComment(string Author, DateTimeOffset At, string Body, int Line);
