namespace TagBot.Cli;

/// <summary>A problem in a scenario file, located for a human: <c>FILE:LINE:COLUMN: KEY: MESSAGE</c>.</summary>
internal sealed record ScenarioError(int Line, int Column, string Key, string Message)
{
    public string Format(string file) => $"{file}:{Line}:{Column}: {Key}: {Message}";
}
