using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Octokit;

namespace TagBot.Tests.FakeGitHub;

/// <summary>The fake, exercised through the real Octokit 14 client over loopback HTTP.</summary>
public sealed class FakeGitHubServerTests : IAsyncLifetime
{
    private const long InstallationId = 77;
    private const string Owner = "octo-org";
    private const string Name = "governance";
    private const string Repo = Owner + "/" + Name;

    private FakeGitHubServer _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeGitHubServer.StartAsync();
        _fake.AddRepository(Repo, InstallationId);
    }

    public async Task DisposeAsync()
    {
        var errors = _fake.UnhandledErrors;
        await _fake.DisposeAsync();
        Assert.Empty(errors);
    }

    private Task<GitHubClient> InstallationClient() => FakeGitHubClients.InstallationClientAsync(_fake, InstallationId);

    private HttpClient RawClient(string? token)
    {
        var http = new HttpClient { BaseAddress = _fake.BaseUrl };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("tagbot-tests");
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
        }

        return http;
    }

    private async Task<string> IssueTokenAsync() =>
        (await FakeGitHubClients.AppClient(_fake).GitHubApps.CreateInstallationToken(InstallationId)).Token;

    // ---- authentication ----------------------------------------------------------------------

    [Fact]
    public async Task Installation_token_is_issued_for_a_valid_app_jwt_and_opens_the_repository()
    {
        var before = DateTimeOffset.UtcNow;
        var app = FakeGitHubClients.AppClient(_fake);

        var token = await app.GitHubApps.CreateInstallationToken(InstallationId);
        var current = await app.GitHubApps.GetCurrent();
        var client = FakeGitHubClients.Create(_fake.BaseUrl, new Credentials(token.Token));
        var repository = await client.Repository.Get(Owner, Name);

        Assert.StartsWith("ghs_", token.Token, StringComparison.Ordinal);
        Assert.InRange(token.ExpiresAt, before.AddMinutes(59), before.AddMinutes(61));
        Assert.Equal(1, _fake.TokensIssued);
        Assert.Equal("tagbot", current.Slug);
        Assert.Equal(4242, current.Id);
        Assert.Equal(Repo, repository.FullName);
        Assert.Equal("main", repository.DefaultBranch);
        Assert.False(repository.Private);
        var issue = _fake.Requests.Snapshot().Single(r => r.Path == $"app/installations/{InstallationId}/access_tokens");
        Assert.Equal(201, issue.StatusCode);
    }

    [Fact]
    public async Task Jwt_signed_with_another_key_or_with_bad_claims_is_refused()
    {
        using var otherKey = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        string[] badJwts =
        [
            FakeGitHubClients.CreateJwt(otherKey.ExportRSAPrivateKeyPem(), _fake.AppId, now),
            FakeGitHubClients.CreateJwt(_fake.PrivateKeyPem, _fake.AppId + 1, now),
            FakeGitHubClients.CreateJwt(_fake.PrivateKeyPem, _fake.AppId, now, lifetime: TimeSpan.FromMinutes(11)),
            FakeGitHubClients.CreateJwt(_fake.PrivateKeyPem, _fake.AppId, now, iatOffset: TimeSpan.FromMinutes(-20), lifetime: TimeSpan.FromMinutes(-10)),
            FakeGitHubClients.CreateJwt(_fake.PrivateKeyPem, _fake.AppId, now, iatOffset: TimeSpan.FromMinutes(5)),
            "not.a.jwt",
        ];

        foreach (var jwt in badJwts)
        {
            var app = FakeGitHubClients.Create(_fake.BaseUrl, new Credentials(jwt, AuthenticationType.Bearer));
            var ex = await Assert.ThrowsAsync<AuthorizationException>(() => app.GitHubApps.CreateInstallationToken(InstallationId));
            Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        }

        Assert.Equal(0, _fake.TokensIssued);
        Assert.Equal(badJwts.Length, _fake.Requests.Snapshot().Count(r => r.StatusCode == 401));
    }

    [Fact]
    public async Task Repository_endpoints_answer_401_without_a_valid_installation_token()
    {
        _fake.CreateIssue(Repo, "alice", "Hello");
        var anonymous = FakeGitHubClients.Create(_fake.BaseUrl);
        var forged = FakeGitHubClients.Create(_fake.BaseUrl, new Credentials("ghs_forgedforgedforgedforgedforgedforged"));
        var jwtOnly = FakeGitHubClients.AppClient(_fake);
        var valid = await InstallationClient();
        _fake.ExpireTokens();

        await Assert.ThrowsAsync<AuthorizationException>(() => anonymous.Issue.Get(Owner, Name, 1));
        await Assert.ThrowsAsync<AuthorizationException>(() => forged.Issue.Get(Owner, Name, 1));
        await Assert.ThrowsAsync<AuthorizationException>(() => jwtOnly.Issue.Get(Owner, Name, 1));
        await Assert.ThrowsAsync<AuthorizationException>(() => valid.Issue.Get(Owner, Name, 1));

        var fresh = await InstallationClient();
        Assert.Equal("Hello", (await fresh.Issue.Get(Owner, Name, 1)).Title);
    }

    [Fact]
    public async Task A_token_of_another_installation_does_not_see_the_repository()
    {
        _fake.AddRepository("someone/else", installationId: 88);
        var client = await InstallationClient();

        await Assert.ThrowsAsync<NotFoundException>(() => client.Repository.Get("someone", "else"));
        var repositories = await client.GitHubApps.Installation.GetAllRepositoriesForCurrent();
        Assert.Equal([Repo], repositories.Repositories.Select(r => r.FullName));
    }

    [Fact]
    public async Task App_installation_branch_collaborator_and_rate_limit_shapes_deserialize_in_Octokit()
    {
        _fake.SetCollaborator(Repo, "carol", "maintain");
        _fake.AddUser("mallory");
        var app = FakeGitHubClients.AppClient(_fake);
        var client = await InstallationClient();

        var installations = await app.GitHubApps.GetAllInstallationsForCurrent();
        var forRepo = await app.GitHubApps.GetRepositoryInstallationForCurrent(Owner, Name);
        var branch = await client.Repository.Branch.Get(Owner, Name, "main");
        var carol = await client.Repository.Collaborator.ReviewPermission(Owner, Name, "carol");
        var mallory = await client.Repository.Collaborator.ReviewPermission(Owner, Name, "mallory");
        var limits = await client.RateLimit.GetRateLimits();

        var installation = Assert.Single(installations);
        Assert.Equal(InstallationId, installation.Id);
        Assert.Equal(Owner, installation.Account.Login);
        Assert.Equal(_fake.AppId, installation.AppId);
        Assert.Equal(InstallationId, forRepo.Id);
        Assert.Equal(_fake.Branches(Repo).Single().Sha, branch.Commit.Sha);
        Assert.Equal(("write", "maintain", "carol"), (carol.Permission, carol.RoleName, carol.Collaborator.Login));
        Assert.Equal("read", mallory.Permission);
        Assert.Equal(5000, limits.Resources.Core.Limit);
        Assert.InRange(limits.Resources.Core.Remaining, 4990, 4999);
        Assert.Equal(limits.Rate.Remaining, limits.Resources.Core.Remaining);
    }

    // ---- contents ------------------------------------------------------------------------------

    [Fact]
    public async Task File_contents_round_trip_through_base64_and_missing_files_are_NotFound()
    {
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => $"line {i}: déjà vu ✓\n"));
        _fake.SetFile(Repo, ".github/tagbot.yml", text);
        var client = await InstallationClient();

        var contents = await client.Repository.Content.GetAllContentsByRef(Owner, Name, ".github/tagbot.yml", "main");
        var raw = await client.Repository.Content.GetRawContentByRef(Owner, Name, ".github/tagbot.yml", "main");

        var file = Assert.Single(contents);
        Assert.Equal(text, file.Content);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), file.Size);
        Assert.Equal("tagbot.yml", file.Name);
        Assert.Equal(".github/tagbot.yml", file.Path);
        Assert.Equal(_fake.GetFile(Repo, ".github/tagbot.yml")!.Sha, file.Sha);
        Assert.All(file.EncodedContent.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(line.Length <= 60));
        Assert.Contains('\n', file.EncodedContent);
        Assert.Equal(text, Encoding.UTF8.GetString(raw));
        await Assert.ThrowsAsync<NotFoundException>(() => client.Repository.Content.GetAllContentsByRef(Owner, Name, ".github/missing.yml", "main"));
    }

    [Fact]
    public void Blob_sha_is_computed_like_git()
    {
        _fake.SetFile(Repo, "hello.txt", "hello\n");

        // `printf 'hello\n' | git hash-object --stdin`
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", _fake.GetFile(Repo, "hello.txt")!.Sha);
    }

    [Fact]
    public async Task Files_are_created_and_updated_on_a_branch_with_sha_checks()
    {
        var client = await InstallationClient();
        var main = await client.Git.Reference.Get(Owner, Name, "heads/main");
        await client.Git.Reference.Create(Owner, Name, new NewReference("refs/heads/tagbot/config", main.Object.Sha));

        var created = await client.Repository.Content.CreateFile(Owner, Name, "docs/a.md", new CreateFileRequest("add", "v1", "tagbot/config"));
        var stale = new UpdateFileRequest("update", "v2", "0000000000000000000000000000000000000000", "tagbot/config");
        var conflict = await Assert.ThrowsAsync<ApiException>(() => client.Repository.Content.UpdateFile(Owner, Name, "docs/a.md", stale));
        await client.Repository.Content.UpdateFile(Owner, Name, "docs/a.md", new UpdateFileRequest("update", "v2", created.Content.Sha, "tagbot/config"));
        var duplicate = await Assert.ThrowsAsync<ApiValidationException>(() => client.Git.Reference.Create(Owner, Name, new NewReference("refs/heads/tagbot/config", main.Object.Sha)));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Equal("Reference already exists", duplicate.Message);
        Assert.Equal("v2", _fake.GetFile(Repo, "docs/a.md", "tagbot/config")!.Text);
        Assert.Null(_fake.GetFile(Repo, "docs/a.md", "main"));
        Assert.Equal(main.Object.Sha, _fake.Branches(Repo).Single(b => b.Name == "main").Sha);
        Assert.NotEqual(main.Object.Sha, _fake.Branches(Repo).Single(b => b.Name == "tagbot/config").Sha);
    }

    // ---- comments, pagination, ETags -------------------------------------------------------------

    [Fact]
    public async Task GetAllForIssue_follows_Link_headers_through_250_comments_in_three_requests()
    {
        var number = _fake.CreateIssue(Repo, "alice", "Busy issue");
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 250; i++)
        {
            _fake.AddComment(Repo, number, i % 2 == 0 ? "alice" : "bob", $"comment {i}", start.AddMinutes(i));
        }

        var client = await InstallationClient();
        _fake.Requests.Clear();

        var comments = await client.Issue.Comment.GetAllForIssue(Owner, Name, number, new ApiOptions { PageSize = 100 });

        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"comment {i}"), comments.Select(c => c.Body));
        Assert.Equal(start.AddMinutes(249), comments[^1].CreatedAt);
        Assert.Equal("bob", comments[1].User.Login);
        var requests = _fake.Requests.Matching("GET", $"repos/{Repo}/issues/{number}/comments");
        Assert.Equal(3, requests.Count);
        Assert.Equal(3, _fake.Requests.Count);
        Assert.Contains("page=2", requests[1].PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("page=3", requests[2].PathAndQuery, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.Contains("per_page=100", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Link_header_names_next_and_last_pages_with_absolute_urls()
    {
        var number = _fake.CreateIssue(Repo, "alice", "Issue");
        for (var i = 0; i < 5; i++)
        {
            _fake.AddComment(Repo, number, "alice", $"c{i}");
        }

        using var http = RawClient(await IssueTokenAsync());
        using var response = await http.GetAsync(new Uri($"repos/{Repo}/issues/{number}/comments?per_page=2&page=2", UriKind.Relative));

        var link = Assert.Single(response.Headers.GetValues("Link"));
        Assert.Equal(
            $"<{_fake.BaseUrl}repos/{Repo}/issues/{number}/comments?per_page=2&page=1>; rel=\"prev\", " +
            $"<{_fake.BaseUrl}repos/{Repo}/issues/{number}/comments?per_page=2&page=3>; rel=\"next\", " +
            $"<{_fake.BaseUrl}repos/{Repo}/issues/{number}/comments?per_page=2&page=3>; rel=\"last\", " +
            $"<{_fake.BaseUrl}repos/{Repo}/issues/{number}/comments?per_page=2&page=1>; rel=\"first\"",
            link);
    }

    [Fact]
    public async Task Matching_If_None_Match_answers_304_without_body_until_the_resource_changes()
    {
        var number = _fake.CreateIssue(Repo, "alice", "Cache me");
        _fake.AddComment(Repo, number, "alice", "first");
        using var http = RawClient(await IssueTokenAsync());
        var path = new Uri($"repos/{Repo}/issues/{number}/comments", UriKind.Relative);

        using var first = await http.GetAsync(path);
        var etag = first.Headers.ETag!;
        var remainingAfterFirst = int.Parse(first.Headers.GetValues("X-RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await http.SendAsync(conditional);

        _fake.AddComment(Repo, number, "bob", "second");
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var changed = await http.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(remainingAfterFirst.ToString(System.Globalization.CultureInfo.InvariantCulture), notModified.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("second", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var log = _fake.Requests.Matching("GET", path.ToString());
        Assert.Equal([false, true, true], log.Select(r => r.Conditional));
        Assert.Equal([false, true, false], log.Select(r => r.NotModified));
        Assert.Equal([200, 304, 200], log.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Comments_posted_edited_and_deleted_through_Octokit_are_the_bots()
    {
        var clock = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var number = _fake.CreateIssue(Repo, "alice", "Proposal", createdAt: clock.AddDays(-1));
        var client = await InstallationClient();
        _fake.Now = () => clock;

        var posted = await client.Issue.Comment.Create(Owner, Name, number, "Thanks! Tagged for discussion.");
        clock = clock.AddMinutes(5);
        var edited = await client.Issue.Comment.Update(Owner, Name, posted.Id, "Edited.");
        var fetched = await client.Issue.Comment.Get(Owner, Name, posted.Id);

        Assert.Equal("tagbot[bot]", posted.User.Login);
        Assert.Equal(AccountType.Bot, posted.User.Type);
        Assert.True(posted.Id > 1_000_000);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero), posted.CreatedAt);
        Assert.Equal("Edited.", edited.Body);
        Assert.Equal(clock, fetched.UpdatedAt);
        Assert.Equal(clock, _fake.Issue(Repo, number).UpdatedAt);
        Assert.Equal("Edited.", Assert.Single(_fake.Comments(Repo, number)).Body);

        await client.Issue.Comment.Delete(Owner, Name, posted.Id);
        Assert.Empty(_fake.Comments(Repo, number));
        await Assert.ThrowsAsync<NotFoundException>(() => client.Issue.Comment.Get(Owner, Name, posted.Id));
    }

    // ---- labels, reactions, issues ----------------------------------------------------------------

    [Fact]
    public async Task Labels_with_a_slash_and_a_space_are_added_and_removed()
    {
        var number = _fake.CreateIssue(Repo, "alice", "Proposal", labels: ["kind/proposal"]);
        var client = await InstallationClient();

        var afterAdd = await client.Issue.Labels.AddToIssue(Owner, Name, number, ["status/discussion", "needs triage"]);
        var afterRemove = await client.Issue.Labels.RemoveFromIssue(Owner, Name, number, Uri.EscapeDataString("status/discussion"));

        Assert.Equal(["kind/proposal", "needs triage", "status/discussion"], afterAdd.Select(l => l.Name));
        Assert.Equal(["kind/proposal", "needs triage"], afterRemove.Select(l => l.Name));
        Assert.Equal(["kind/proposal", "needs triage"], _fake.Issue(Repo, number).Labels);
        Assert.Contains(_fake.Labels(Repo), l => l.Name == "status/discussion" && l.Color == "ededed");
        Assert.Single(_fake.Requests.Matching("DELETE", $"repos/{Repo}/issues/{number}/labels/status%2Fdiscussion"));

        await client.Issue.Labels.RemoveFromIssue(Owner, Name, number, "needs triage");
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => client.Issue.Labels.RemoveFromIssue(Owner, Name, number, "needs triage"));
        Assert.Equal("Label does not exist", missing.Message);
        Assert.Equal(["kind/proposal"], _fake.Issue(Repo, number).Labels);
    }

    [Fact]
    public async Task Creating_an_existing_label_is_422_already_exists_regardless_of_case()
    {
        _fake.CreateLabel(Repo, "Status/Discussion", "0e8a16", "Under discussion");
        var client = await InstallationClient();

        var existing = await client.Issue.Labels.Get(Owner, Name, Uri.EscapeDataString("status/discussion"));
        var ex = await Assert.ThrowsAsync<ApiValidationException>(() => client.Issue.Labels.Create(Owner, Name, new NewLabel("status/discussion", "ffffff")));

        Assert.Equal("0e8a16", existing.Color);
        Assert.Equal("Under discussion", existing.Description);
        Assert.Equal("already_exists", Assert.Single(ex.ApiError.Errors).Code);
    }

    [Fact]
    public async Task Reacting_twice_with_the_same_content_answers_201_then_200_with_the_same_reaction()
    {
        var number = _fake.CreateIssue(Repo, "alice", "Proposal");
        var commentId = _fake.AddComment(Repo, number, "bob", "/vote yes");
        _fake.AddReaction(commentId, "alice", "+1");
        var client = await InstallationClient();
        _fake.Requests.Clear();

        var first = await client.Reaction.IssueComment.Create(Owner, Name, commentId, new NewReaction(ReactionType.Eyes));
        var second = await client.Reaction.IssueComment.Create(Owner, Name, commentId, new NewReaction(ReactionType.Eyes));
        var comment = await client.Issue.Comment.Get(Owner, Name, commentId);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("tagbot[bot]", first.User.Login);
        Assert.Equal(ReactionType.Eyes, first.Content.Value);
        Assert.Equal([201, 200], _fake.Requests.Matching("POST", $"repos/{Repo}/issues/comments/{commentId}/reactions").Select(r => r.StatusCode));
        Assert.Equal(2, _fake.Reactions(commentId).Count);
        Assert.Equal(2, comment.Reactions.TotalCount);
        Assert.Equal(1, comment.Reactions.Eyes);
        Assert.Equal(1, comment.Reactions.Plus1);
    }

    [Fact]
    public async Task Issues_are_listed_by_labels_and_state_and_closed_with_a_reason()
    {
        var both = _fake.CreateIssue(Repo, "alice", "Both", labels: ["a", "b"]);
        _fake.CreateIssue(Repo, "alice", "Only a", labels: ["a"]);
        var closed = _fake.CreateIssue(Repo, "bob", "Closed both", labels: ["a", "b"]);
        _fake.CloseIssue(Repo, closed);
        var client = await InstallationClient();

        var request = new RepositoryIssueRequest { State = ItemStateFilter.All };
        request.Labels.Add("a");
        request.Labels.Add("b");
        var listed = await client.Issue.GetAllForRepository(Owner, Name, request);
        var updated = await client.Issue.Update(Owner, Name, both, new IssueUpdate { State = ItemState.Closed, StateReason = ItemStateReason.NotPlanned });

        Assert.Equal([closed, both], listed.Select(i => i.Number));
        Assert.Equal(ItemState.Closed, updated.State.Value);
        Assert.Equal(ItemStateReason.NotPlanned, updated.StateReason!.Value.Value);
        Assert.Equal("tagbot[bot]", updated.ClosedBy.Login);
        var snapshot = _fake.Issue(Repo, both);
        Assert.Equal("closed", snapshot.State);
        Assert.Equal("not_planned", snapshot.StateReason);
        Assert.Equal(["a", "b"], snapshot.Labels);
    }

    [Fact]
    public async Task Repository_id_routes_reach_the_same_repository()
    {
        var repository = _fake.Repository(Repo);
        var number = _fake.CreateIssue(Repo, "alice", "By id");
        var client = await InstallationClient();

        var issue = await client.Issue.Get(repository.Id, number);

        Assert.Equal("By id", issue.Title);
        Assert.Null(issue.PullRequest);
    }

    [Fact]
    public async Task Issue_opened_by_the_app_is_authored_by_its_bot_with_labels_and_a_title_is_required()
    {
        var client = await InstallationClient();
        var request = new NewIssue("Scheduled") { Body = "role: tech_lead" };
        request.Labels.Add("nomination");

        var created = await client.Issue.Create(Owner, Name, request);

        Assert.Equal((_fake.BotLogin, AccountType.Bot), (created.User.Login, created.User.Type));
        var snapshot = _fake.Issue(Repo, created.Number);
        Assert.Equal(("Scheduled", "role: tech_lead", _fake.BotLogin), (snapshot.Title, snapshot.Body, snapshot.Author));
        Assert.Equal(["nomination"], snapshot.Labels);
        var all = await client.Issue.GetAllForRepository(Owner, Name, new RepositoryIssueRequest { State = ItemStateFilter.All });
        Assert.Equal([created.Number], all.Select(i => i.Number));
        await Assert.ThrowsAsync<ApiValidationException>(() => client.Issue.Create(Owner, Name, new NewIssue(" ")));
    }

    // ---- pull requests -----------------------------------------------------------------------

    [Fact]
    public async Task Pull_request_is_created_found_by_head_and_refused_when_duplicated()
    {
        _fake.CreateBranch(Repo, "tagbot/decision-1");
        _fake.SetFile(Repo, "decisions/0001.md", "# Decision", "tagbot/decision-1");
        var client = await InstallationClient();

        var created = await client.PullRequest.Create(Owner, Name, new NewPullRequest("Record decision", "tagbot/decision-1", "main") { Body = "Closes #1" });
        var duplicate = await Assert.ThrowsAsync<ApiValidationException>(
            () => client.PullRequest.Create(Owner, Name, new NewPullRequest("Again", "tagbot/decision-1", "main")));
        await client.PullRequest.ReviewRequest.Create(Owner, Name, created.Number, new PullRequestReviewRequest(["carol"], ["maintainers"]));
        var found = await client.PullRequest.GetAllForRepository(Owner, Name, new PullRequestRequest { Head = $"{Owner}:tagbot/decision-1", State = ItemStateFilter.All });
        var asIssue = await client.Issue.Get(Owner, Name, created.Number);

        Assert.Equal(HttpStatusCode.Created, _fake.Requests.Matching("POST", $"repos/{Repo}/pulls").Select(r => (HttpStatusCode)r.StatusCode).First());
        Assert.Equal("tagbot/decision-1", created.Head.Ref);
        Assert.Equal($"{Owner}:tagbot/decision-1", created.Head.Label);
        Assert.Equal("main", created.Base.Ref);
        Assert.Equal(_fake.Branches(Repo).Single(b => b.Name == "tagbot/decision-1").Sha, created.Head.Sha);
        Assert.Equal($"https://github.com/{Repo}/pull/{created.Number}", created.HtmlUrl);
        Assert.False(created.Merged);
        Assert.Equal($"A pull request already exists for {Owner}:tagbot/decision-1.", Assert.Single(duplicate.ApiError.Errors).Message);
        Assert.Equal(created.Number, Assert.Single(found).Number);
        Assert.NotNull(asIssue.PullRequest);
        var pull = Assert.Single(_fake.PullRequests(Repo));
        Assert.Equal(["carol"], pull.RequestedReviewers);
        Assert.Equal(["maintainers"], pull.RequestedTeams);

        _fake.MergePullRequest(Repo, created.Number);
        var merged = await client.PullRequest.Get(Owner, Name, created.Number);
        Assert.True(merged.Merged);
        Assert.Equal(ItemState.Closed, merged.State.Value);
        Assert.Equal("# Decision", _fake.GetFile(Repo, "decisions/0001.md")!.Text);
    }

    // ---- faults, rate limits, errors ------------------------------------------------------------

    [Fact]
    public async Task A_fault_applies_N_times_then_is_consumed()
    {
        var number = _fake.CreateIssue(Repo, "alice", "Flaky");
        var client = await InstallationClient();
        var rule = _fake.Faults.Add("GET", $"repos/{Repo}/issues/{number}", Fault.Status(502), times: 2);

        var first = await Assert.ThrowsAsync<ApiException>(() => client.Issue.Get(Owner, Name, number));
        var second = await Assert.ThrowsAsync<ApiException>(() => client.Issue.Get(Owner, Name, number));
        var third = await client.Issue.Get(Owner, Name, number);

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
        Assert.Equal("Flaky", third.Title);
        Assert.True(rule.IsConsumed);
        Assert.Empty(_fake.Faults.Pending);
        Assert.Equal([502, 502, 200], _fake.Requests.Matching("GET", $"repos/{Repo}/issues/{number}").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Rate_limit_faults_map_to_Octokits_rate_limit_exceptions()
    {
        var number = _fake.CreateIssue(Repo, "alice", "Busy");
        var client = await InstallationClient();
        var reset = DateTimeOffset.UtcNow.AddMinutes(30);
        _fake.Faults.Add("GET", "repos/", Fault.SecondaryRateLimit(retryAfterSeconds: 42));
        _fake.Faults.Add("GET", "repos/", Fault.PrimaryRateLimit(reset));
        _fake.Faults.Add(null, "repos/", Fault.TooManyRequests(7));

        var secondary = await Assert.ThrowsAsync<SecondaryRateLimitExceededException>(() => client.Issue.Get(Owner, Name, number));
        var primary = await Assert.ThrowsAsync<RateLimitExceededException>(() => client.Issue.Get(Owner, Name, number));
        var tooMany = await Assert.ThrowsAsync<ApiException>(() => client.Issue.Get(Owner, Name, number));

        Assert.Equal("42", secondary.HttpResponse.Headers["Retry-After"]);
        Assert.Equal(0, primary.Remaining);
        Assert.Equal(reset.ToUnixTimeSeconds(), primary.Reset.ToUnixTimeSeconds());
        Assert.Contains($"installation ID {InstallationId}", primary.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)429, tooMany.StatusCode);
        Assert.Equal("7", tooMany.HttpResponse.Headers["Retry-After"]);
    }

    [Fact]
    public async Task Aborted_and_delayed_faults()
    {
        var number = _fake.CreateIssue(Repo, "alice", "Slow");
        var client = await InstallationClient();
        _fake.Faults.Add("GET", $"repos/{Repo}/issues", Fault.Abort());
        _fake.Faults.Add("GET", $"repos/{Repo}/issues", Fault.Delay(TimeSpan.FromMilliseconds(300)));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.Issue.Get(Owner, Name, number));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var delayed = await client.Issue.Get(Owner, Name, number);

        Assert.Equal("Slow", delayed.Title);
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(250), $"took {started.Elapsed}");
        Assert.Equal([0, 200], _fake.Requests.Matching("GET", $"repos/{Repo}/issues/{number}").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Exhausted_installation_rate_limit_answers_403_until_reset()
    {
        var client = await InstallationClient();
        _fake.SetRateLimitRemaining(InstallationId, 1);

        var repository = await client.Repository.Get(Owner, Name);
        var info = client.GetLastApiInfo();
        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => client.Repository.Get(Owner, Name));

        Assert.Equal(Repo, repository.FullName);
        Assert.Equal(0, info.RateLimit.Remaining);
        Assert.Equal(5000, info.RateLimit.Limit);
        Assert.Equal(0, ex.Remaining);
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_GitHubs_404_json()
    {
        using var http = RawClient(await IssueTokenAsync());

        using var unknown = await http.GetAsync(new Uri("nope/nothing.here", UriKind.Relative));
        using var wrongMethod = await http.PutAsync(new Uri($"repos/{Repo}/issues/comments/1", UriKind.Relative), new StringContent("{}"));

        foreach (var response in new[] { unknown, wrongMethod })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"message\":\"Not Found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(response.Headers.Contains("X-GitHub-Request-Id"));
            Assert.True(response.Headers.Contains("X-RateLimit-Remaining"));
        }
    }
}
