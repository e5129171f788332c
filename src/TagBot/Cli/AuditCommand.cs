using System.CommandLine;
using System.Globalization;
using TagBot.Core.Governance;
using TagBot.Core.Status;
using TagBot.GitHub;
using TagBot.Reconcile;

namespace TagBot.Cli;

/// <summary>
/// <c>audit --repo o/r --issue N [--token T] [--api-url URL]</c>: recomputes the outcome of a proposal
/// or election from its public comments, with the same reading and decision code as the bot, and
/// compares it with what TagBot posted (labels, status comment, replies, result comment). Prints
/// "consistent" or every difference, expected against posted. Exit code 0 when consistent, 1 when
/// something differs, 2 when the audit cannot be made.
/// </summary>
/// <remarks>
/// The policy and roster are read from the repository's default branch as they are now, as the bot
/// reads them at every pass: a status comment TagBot refreshed after the last change matches them,
/// while a result comment, written once at the close, was computed with the files of that day.
/// </remarks>
public static class AuditCommand
{
    public const int Consistent = 0;
    public const int Different = 1;
    public const int Failed = 2;

    private const string DefaultApiUrl = "https://api.github.com/";

    public static Command Create()
    {
        var repo = new Option<string?>("--repo") { Description = "The repository, owner/name (required)" };
        var issue = new Option<string?>("--issue") { Description = "The issue number (required)" };
        var token = new Option<string?>("--token") { Description = "A GitHub token that can read the repository (default: $GITHUB_TOKEN; none for a public repository)" };
        var apiUrl = new Option<string?>("--api-url") { Description = $"REST API root (default: {DefaultApiUrl}; GitHub Enterprise Server: https://HOST/api/v3/)" };
        var command = new Command("audit",
            "Recompute a proposal's or an election's outcome from its public comments and compare it with what TagBot posted. "
            + "Exit code 0: consistent; 1: something differs; 2: the audit could not be made.")
        {
            repo, issue, token, apiUrl,
        };
        // Usage mistakes exit with 2 like other failures, not with the parser's 1, which means "different" here.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            parse.GetValue(repo), parse.GetValue(issue), parse.GetValue(token) ?? Environment.GetEnvironmentVariable("GITHUB_TOKEN"),
            parse.GetValue(apiUrl), parse.UnmatchedTokens, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        string? repo, string? issue, string? token, string? apiUrl, IReadOnlyList<string> unmatched, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        if (unmatched.Count > 0)
        {
            return Usage(error, $"unexpected argument(s): {string.Join(" ", unmatched)}");
        }

        if (string.IsNullOrWhiteSpace(repo) || repo.Count(c => c == '/') != 1 || repo.StartsWith('/') || repo.EndsWith('/'))
        {
            return Usage(error, "--repo owner/name is required");
        }

        if (!int.TryParse(issue, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return Usage(error, "--issue N is required: the issue number");
        }

        if (!Uri.TryCreate(apiUrl ?? DefaultApiUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            return Usage(error, $"--api-url {apiUrl} is not an http(s) URL");
        }

        var anonymous = string.IsNullOrWhiteSpace(token);
        try
        {
            var access = new RepositoryAccess(baseUrl, token, RepositoryName.Parse(repo));
            return await AuditAsync(access, number, anonymous, output, error, cancellationToken);
        }
        catch (Exception e) when (RepositoryAccess.Explain(e, baseUrl, repo, anonymous) is { } message)
        {
            error.WriteLine($"error: {message}");
        }

        return Failed;
    }

    private static async Task<int> AuditAsync(
        RepositoryAccess access, int number, bool anonymous, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // The bot's own reading of the issue, policy and roster, without its store of last valid versions.
        var repository = access.Issues.Repository;
        var ledger = new AuditLedger();
        var sources = new GovernanceSources(ledger);
        var reading = await new IssueReader(sources, new ElectionInputs(sources))
            .ReadAsync(access.Issues, access.PullRequests, number, ownLogin: null, wakeup: null, DateTimeOffset.UtcNow, cancellationToken);
        if (reading is null)
        {
            error.WriteLine($"error: {repository}#{number} is not an issue (it does not exist, or it is a pull request)"
                + (anonymous ? ", or it cannot be read without a token: give one with --token or GITHUB_TOKEN." : "."));
            return Failed;
        }

        if (ledger.Invalid.Count > 0 || reading.Input is not { } input)
        {
            error.WriteLine($"error: cannot audit {repository}#{number}: a file on the default branch is invalid, so TagBot uses the last "
                + "valid version it saw, which only its database holds.");
            foreach (var warning in reading.Sources.Warnings)
            {
                error.WriteLine(warning);
            }

            return Failed;
        }

        // When TagBot last wrote its status comment: a proposal's stage can change with time alone.
        DateTimeOffset? written = IssueAudit.StatusComment(input.Issue) is { } status
            ? await access.Issues.CommentWrittenAtAsync(status.Id)
            : null;
        // A closed secret ballot is recounted from the ballots TagBot published.
        (input, var recount) = await PublishedBallots.AddAsync(input, access.PullRequests);
        var report = IssueAudit.Run(input, written);
        if (recount is not null)
        {
            report = report with { Notes = [recount, .. report.Notes] };
        }

        Print(output, input, report);
        return report.IsConsistent ? Consistent : Different;
    }

    private static void Print(TextWriter output, DecisionInput input, AuditReport report)
    {
        var issue = input.Issue;
        var policy = input.Policy;
        var kind = issue.HasLabel(policy.Elections.Label) ? "election" : issue.HasLabel(policy.Proposals.Label) ? "proposal" : "untracked issue";
        output.WriteLine($"TagBot audit of {issue.Repository}#{issue.Number} \"{issue.Title}\" ({kind}, {(issue.IsOpen ? "open" : "closed")}).");
        output.WriteLine($"Recomputed at {Stamp(input.Now)} from the issue and its {issue.Comments.Count(c => !c.AuthorIsBot)} comments by people, "
            + (input.Record is { } record
                ? $"with the policy and the roster `{policy.Roster.Path}` as the election froze them at commit {record.Commit}."
                : $"with the policy and the roster `{policy.Roster.Path}` on the default branch as they are now."));
        output.WriteLine($"Compared: {(report.Compared.Count == 0 ? "nothing TagBot would post" : string.Join(", ", report.Compared))}.");
        foreach (var note in report.Notes)
        {
            output.WriteLine($"Note: {note}");
        }

        output.WriteLine();
        if (report.Differences.Count > 0)
        {
            output.WriteLine($"{report.Differences.Count} difference(s) between what TagBot posted and the recomputation:");
            Findings(output, report.Differences);
        }
        else if (report.Pending.Count > 0)
        {
            output.WriteLine($"Consistent as of TagBot's last update of its status comment, {Stamp(report.ConsistentAsOf!.Value)}. "
                + "Since then, time alone has changed the outcome; TagBot applies it at its next pass (the periodic sweep):");
            Findings(output, report.Pending);
        }
        else
        {
            output.WriteLine("Consistent: what TagBot posted is what its rules give from the public comments.");
        }
    }

    private static void Findings(TextWriter output, IReadOnlyList<AuditFinding> findings)
    {
        var n = 0;
        foreach (var finding in findings)
        {
            output.WriteLine();
            output.WriteLine($"{++n}. {finding.Subject}: {finding.Summary}");
            foreach (var line in finding.Detail.Split('\n'))
            {
                output.WriteLine("   " + line);
            }
        }
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        error.WriteLine("usage: audit --repo owner/name --issue N [--token TOKEN] [--api-url URL]");
        return Failed;
    }

    private static string Stamp(DateTimeOffset at) => Dates.Moment(at);
}
