using System.CommandLine;
using System.Globalization;
using Octokit;
using Octokit.Internal;
using TagBot.Core.Governance;
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

        try
        {
            var anonymous = string.IsNullOrWhiteSpace(token);
            return await AuditAsync(CreateClient(baseUrl, token), RepositoryName.Parse(repo), number, anonymous, output, error, cancellationToken);
        }
        catch (AuthorizationException)
        {
            error.WriteLine($"error: {baseUrl} refused the credentials (401). Give a token that can read {repo} with --token or GITHUB_TOKEN.");
        }
        catch (ForbiddenException e)
        {
            error.WriteLine($"error: {baseUrl} refused the request (403): {e.Message}");
        }
        catch (NotFoundException)
        {
            error.WriteLine($"error: {repo} was not found at {baseUrl}, or {(string.IsNullOrWhiteSpace(token) ? "it cannot be read without a token (--token or GITHUB_TOKEN)" : "the token cannot read it")}.");
        }
        catch (ApiException e)
        {
            error.WriteLine($"error: {baseUrl} answered {(int)e.StatusCode}: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"error: cannot reach {baseUrl}: {e.Message}");
        }

        return Failed;
    }

    /// <summary>
    /// An Octokit client on exactly <paramref name="baseUrl"/>, built on a <see cref="Connection"/> as
    /// <see cref="GitHubClientFactory"/> does (<c>new GitHubClient(product, uri)</c> would rewrite a
    /// non-github.com host); anonymous without a token.
    /// </summary>
    internal static GitHubClient CreateClient(Uri baseUrl, string? token)
    {
        if (!baseUrl.AbsolutePath.EndsWith('/'))
        {
            // Relative paths resolve under the root only when it ends with a slash (…/api/v3/).
            baseUrl = new Uri(baseUrl + "/");
        }

        var connection = new Connection(
            new ProductHeaderValue("TagBot-audit", "1.0"),
            baseUrl,
            new InMemoryCredentialStore(string.IsNullOrWhiteSpace(token) ? Credentials.Anonymous : new Credentials(token.Trim())),
            new HttpClientAdapter(HttpMessageHandlerFactory.CreateDefault),
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    private static async Task<int> AuditAsync(
        GitHubClient client, RepositoryName repository, int number, bool anonymous, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var gateway = new IssueGateway(client, repository, new LabelCatalog());
        var issue = await gateway.ReadIssueAsync(number);
        if (issue is null)
        {
            error.WriteLine($"error: {repository}#{number} is not an issue (it does not exist, or it is a pull request)"
                + (anonymous ? ", or it cannot be read without a token: give one with --token or GITHUB_TOKEN." : "."));
            return Failed;
        }

        // The bot's own reading of the policy and roster, without its store of last valid versions.
        var ledger = new AuditLedger();
        var sources = await new GovernanceSources(ledger).LoadAsync(gateway, cancellationToken);
        if (ledger.Invalid.Count > 0 || sources.Policy is null)
        {
            error.WriteLine($"error: cannot audit {repository}#{number}: a file on the default branch is invalid, so TagBot uses the last "
                + "valid version it saw, which only its database holds.");
            foreach (var warning in sources.Warnings)
            {
                error.WriteLine(warning);
            }

            return Failed;
        }

        var snapshot = await gateway.ReadSnapshotAsync(issue);
        var now = DateTimeOffset.UtcNow;
        var input = new DecisionInput(sources.Policy, sources.Roster, snapshot, now, sources.Warnings)
        {
            RosterText = sources.RosterText,
            PullRequest = await Reconciler.RosterPullRequestStateAsync(new PullRequestGateway(client, repository), snapshot, sources.Policy),
        };

        // When TagBot last wrote its status comment: a proposal's stage can change with time alone.
        DateTimeOffset? written = null;
        if (IssueAudit.StatusComment(snapshot) is { } status)
        {
            var comment = await client.Issue.Comment.Get(repository.Owner, repository.Name, status.Id);
            written = comment.UpdatedAt ?? comment.CreatedAt;
        }

        var report = IssueAudit.Run(input, written);
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
            + $"with the policy and the roster `{policy.Roster.Path}` on the default branch as they are now.");
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

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
