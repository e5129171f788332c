namespace TagBot.Cli;

/// <summary>What <c>create-app</c> needs to know.</summary>
public sealed record AppSetup(Uri Url, string Name, string? Organization, int Port, FileInfo Manifest, DirectoryInfo Output, Uri GitHub, Uri ApiUrl);
