namespace TagBot.Cli;

/// <summary>
/// A rehearsal script for <c>simulate</c>: the policy and roster files, one issue and its comments
/// (authors and times), later commits to those files, and the moment to look at the result. See <c>examples/</c>.
/// </summary>
/// <param name="Commits">Changes to the default branch after the scenario's own files, in time order.</param>
internal sealed record Scenario(
    ScenarioText? Policy,
    ScenarioText Roster,
    ScenarioText? Members,
    ScenarioIssue Issue,
    IReadOnlyList<ScenarioComment> Comments,
    DateTimeOffset? Now)
{
    public IReadOnlyList<ScenarioCommit> Commits { get; init; } = [];
}

internal sealed record ScenarioIssue(
    int Number,
    string Title,
    string Author,
    DateTimeOffset Created,
    IReadOnlyList<string> Labels,
    string Body);

/// <param name="Line">Where the comment starts in the scenario file.</param>
internal sealed record ScenarioComment(string Author, DateTimeOffset At, string Body, int Line);

/// <summary>
/// A commit to the default branch at <paramref name="At"/>: the files it gives replace those in force,
/// the others carry over. Its id (<see cref="Id"/>) stands in for a SHA in the record and the report.
/// </summary>
/// <param name="Number">1, 2, … in file order; the scenario's own files are commit 0.</param>
/// <param name="Line">Where the commit starts in the scenario file.</param>
internal sealed record ScenarioCommit(int Number, DateTimeOffset At, ScenarioText? Policy, ScenarioText? Roster, ScenarioText? Members, string Message, int Line)
{
    public string Id => IdOf(Number);

    /// <summary>The synthetic commit id of commit <paramref name="number"/> (0: the scenario's own files).</summary>
    public static string IdOf(int number) => $"scenario-{number}";
}
