using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TagBot.Core.Elections.Ballots;

namespace TagBot.Ballots.Pages;

/// <summary>
/// The ballot page of one election: what it shows depends on the election's state and on who signed
/// in. Every refusal says why and what to do; no earlier ballot is ever shown (only its existence).
/// </summary>
public sealed class ElectionModel(IBallotElections elections, IBallotBox box) : PageModel
{
    public const string NoOpinion = "";

    [FromRoute]
    public string Owner { get; set; } = "";

    [FromRoute]
    public string Repo { get; set; } = "";

    [FromRoute]
    public int Issue { get; set; }

    /// <summary>Approved candidates (approval ballot).</summary>
    [BindProperty]
    public List<string> Approved { get; set; } = [];

    /// <summary>Candidate login → rank "1".."n", or empty for no opinion (ranked ballot).</summary>
    [BindProperty]
    public Dictionary<string, string> Ranks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A random id per displayed form: the same form sent twice is one ballot.</summary>
    [BindProperty]
    public string Submission { get; set; } = "";

    public BallotElection? Election { get; private set; }

    public BallotVoter? Voter { get; private set; }

    public bool Eligible => Voter is not null && Election?.Electorate.Contains(Voter.Id) == true;

    public bool HasVoted { get; private set; }

    public string? Receipt { get; private set; }

    public Ballot? Recorded { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>Candidates the voter must still rank (a ranked ballot without "no opinion").</summary>
    public HashSet<string> Unranked { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ElectionKey Key => new($"{Owner}/{Repo}", Issue);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFoundPage();
        }

        Submission = Guid.NewGuid().ToString("N");
        Approved = [];
        Ranks.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostCastAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFoundPage();
        }

        var election = Election!;
        if (election.State != BallotElectionState.Open || Voter is null || !Eligible)
        {
            Response.StatusCode = Voter is null ? StatusCodes.Status401Unauthorized
                : election.State != BallotElectionState.Open ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
            return Page();
        }

        var ballot = election.Kind == BallotKind.Approval ? ReadApproval(election) : ReadRanking(election);
        if (ballot is null || string.IsNullOrWhiteSpace(Submission))
        {
            if (string.IsNullOrWhiteSpace(Submission))
            {
                Errors.Add("The form was incomplete; please mark your ballot again.");
                Submission = Guid.NewGuid().ToString("N");
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Receipt = await box.CastAsync(election.Key, Voter.Id, Voter.Login, ballot, Submission, cancellationToken);
        }
        catch (BallotBoxClosedException)
        {
            Election = election with { State = BallotElectionState.Closed };
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Recorded = ballot;
        HasVoted = true;
        return Page();
    }

    public IActionResult OnPostSignIn() =>
        Challenge(new AuthenticationProperties { RedirectUri = Url.Page("/Election", new { Owner, Repo, Issue }) }, GitHubSignIn.GitHubScheme);

    public IActionResult OnPostSignOut() =>
        SignOut(new AuthenticationProperties { RedirectUri = Url.Page("/Election", new { Owner, Repo, Issue }) }, GitHubSignIn.CookieScheme);

    public string RankLabel(int rank) => rank switch
    {
        1 => "1 (first choice)",
        _ => rank.ToString(CultureInfo.InvariantCulture),
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Voter = BallotVoter.From(User);
        Election = await elections.FindAsync(Key, cancellationToken);
        if (Election is null)
        {
            return false;
        }

        if (Eligible)
        {
            HasVoted = await box.HasVotedAsync(Election.Key, Voter!.Id, cancellationToken);
        }

        return true;
    }

    private IActionResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private Ballot? ReadApproval(BallotElection election)
    {
        var known = election.Candidates.Select(c => c.Login).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (Approved.FirstOrDefault(a => !known.Contains(a)) is { } stranger)
        {
            Errors.Add($"@{stranger} is not a candidate in this election.");
            return null;
        }

        var approved = Approved.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Ballot.Approving([.. election.Candidates.Select(c => c.Login).Where(approved.Contains)]);
    }

    /// <summary>
    /// Ranks become preference tiers; equal ranks are allowed (the voter likes them equally) and gaps
    /// mean nothing (1, 1, 3 is 1, 1, 2). A candidate without a rank has no opinion, when the election allows it.
    /// </summary>
    private Ballot? ReadRanking(BallotElection election)
    {
        var ranked = new List<(int Rank, string Login)>();
        foreach (var candidate in election.Candidates)
        {
            var text = Ranks.GetValueOrDefault(candidate.Login, NoOpinion);
            if (string.IsNullOrEmpty(text))
            {
                if (!election.AllowNoOpinion)
                {
                    Unranked.Add(candidate.Login);
                }

                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1 || rank > election.Candidates.Count)
            {
                Errors.Add($"The rank of @{candidate.Login} must be a number from 1 to {election.Candidates.Count}.");
                continue;
            }

            ranked.Add((rank, candidate.Login));
        }

        if (Unranked.Count > 0)
        {
            Errors.Add("This election needs a rank for every candidate; give one to " + string.Join(", ", Unranked.Select(u => "@" + u)) + ".");
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        return new Ballot([.. ranked.GroupBy(r => r.Rank).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)[.. g.Select(r => r.Login)])]);
    }
}
