using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TagBot.Ballots;
using TagBot.Core.Elections.Ballots;
using static Microsoft.Playwright.Assertions;

namespace TagBot.Tests.Ballots;

/// <summary>
/// A person at a real (headless) Chromium: signs in with GitHub through the fake, marks a ballot by
/// clicking or by keyboard, and reads what the page says. Each test has its own election and cookies.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BallotPageBrowserTests(BallotSite site) : IClassFixture<BallotSite>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")]
    private static partial Regex ReceiptShape();

    [Fact]
    public async Task A_voter_signs_in_with_GitHub_casts_an_approval_ballot_and_gets_a_receipt()
    {
        var election = await site.ElectionAsync(101, BallotKind.Approval, ["voter-ana"]);
        var page = await NewPageAsync();

        var response = await page.GotoAsync(site.PageUrl(site.App, 101));
        var headers = await response!.AllHeadersAsync();
        Assert.Equal(
            $"default-src 'none'; style-src 'unsafe-inline'; form-action 'self' {site.GitHub.BaseUrl.GetLeftPart(UriPartial.Authority)}; frame-ancestors 'none'; base-uri 'none'",
            headers["content-security-policy"]);
        Assert.Contains("no-store", headers["cache-control"], StringComparison.Ordinal); // antiforgery adds no-cache
        Assert.Equal(("nosniff", "no-referrer"), (headers["x-content-type-options"], headers["referrer-policy"]));
        await ShootAsync(page, "signed-out");
        await SignInAsync(page, "voter-ana");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Approve the candidates you support" })).ToBeVisibleAsync();
        await ShootAsync(page, "approval-ballot");
        await page.GetByLabel("@amara-okafor").CheckAsync();
        await page.GetByLabel("@lucia-mendez").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your ballot is recorded" })).ToBeVisibleAsync();
        var receipt = (await page.Locator("#receipt").TextContentAsync())!.Trim();
        Assert.Matches(ReceiptShape(), receipt);
        await ShootAsync(page, "receipt");
        // Recorded before the page said so: the box has it now.
        Assert.True(await site.Box.HasVotedAsync(election.Key, site.GitHub.AddUser("voter-ana").Id, CancellationToken.None));
        var cast = Assert.Single(await site.Box.CloseAsync(election.Key, CancellationToken.None));
        Assert.Equal(receipt, cast.Receipt);
        Assert.Equal([["amara-okafor", "lucia-mendez"]], cast.Ballot.Preferences);

        var authorize = site.GitHub.AuthorizeRequests[^1];
        Assert.True(string.IsNullOrEmpty(authorize.GetValueOrDefault("scope")), "only the identity is asked for: no scopes");
        Assert.False(string.IsNullOrEmpty(authorize.GetValueOrDefault("state")));
        Assert.Equal("S256", authorize.GetValueOrDefault("code_challenge_method"));
    }

    [Fact]
    public async Task A_ranked_ballot_takes_ranks_equal_ranks_and_no_opinion()
    {
        var election = await site.ElectionAsync(102, BallotKind.Ranked, ["voter-ben"]);
        var page = await NewPageAsync();
        await page.GotoAsync(site.PageUrl(site.App, 102));
        await SignInAsync(page, "voter-ben");
        await ShootAsync(page, "ranked-ballot");

        await page.GetByLabel("@kenji-sato").SelectOptionAsync("1");
        await page.GetByLabel("@lucia-mendez").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();

        await Expect(page.Locator("#receipt")).ToBeVisibleAsync();
        var cast = Assert.Single(await site.Box.CloseAsync(election.Key, CancellationToken.None));
        Assert.Equal([["kenji-sato", "lucia-mendez"]], cast.Ballot.Preferences); // amara-okafor: no opinion
    }

    [Fact]
    public async Task A_ranked_ballot_that_must_rank_everyone_says_which_candidate_is_missing()
    {
        var election = await site.ElectionAsync(103, BallotKind.Ranked, ["voter-cai"], allowNoOpinion: false);
        var page = await NewPageAsync();
        await page.GotoAsync(site.PageUrl(site.App, 103));
        await SignInAsync(page, "voter-cai");

        await page.GetByLabel("@amara-okafor").SelectOptionAsync("2");
        await page.GetByLabel("@kenji-sato").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("give one to @lucia-mendez");
        await Expect(page.GetByLabel("@lucia-mendez")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("@amara-okafor")).ToHaveValueAsync("2"); // the voter's marks are kept to fix
        await ShootAsync(page, "ranked-error");
        Assert.False(await site.Box.HasVotedAsync(election.Key, site.GitHub.AddUser("voter-cai").Id, CancellationToken.None));

        await page.GetByLabel("@lucia-mendez").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();
        await Expect(page.Locator("#receipt")).ToBeVisibleAsync();
        Assert.Equal([["kenji-sato"], ["amara-okafor"], ["lucia-mendez"]], Assert.Single(await site.Box.CloseAsync(election.Key, CancellationToken.None)).Ballot.Preferences);
    }

    [Fact]
    public async Task A_voter_revises_without_seeing_the_earlier_ballot_and_the_last_one_counts()
    {
        var election = await site.ElectionAsync(104, BallotKind.Approval, ["voter-dee"]);
        var page = await NewPageAsync();
        await page.GotoAsync(site.PageUrl(site.App, 104));
        await SignInAsync(page, "voter-dee");
        await page.GetByLabel("@amara-okafor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();
        var first = (await page.Locator("#receipt").TextContentAsync())!.Trim();

        await page.GetByRole(AriaRole.Link, new() { Name = "Change my ballot" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have already voted");
        await Expect(page.GetByLabel("@amara-okafor")).Not.ToBeCheckedAsync(); // the earlier ballot is not shown
        await ShootAsync(page, "already-voted");
        await page.GetByLabel("@kenji-sato").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace my ballot" }).ClickAsync();
        var second = (await page.Locator("#receipt").TextContentAsync())!.Trim();

        Assert.NotEqual(first, second);
        var cast = Assert.Single(await site.Box.CloseAsync(election.Key, CancellationToken.None));
        Assert.Equal(second, cast.Receipt);
        Assert.Equal([["kenji-sato"]], cast.Ballot.Preferences);
    }

    [Fact]
    public async Task The_same_form_sent_twice_is_one_ballot_with_one_receipt()
    {
        var election = await site.ElectionAsync(105, BallotKind.Approval, ["voter-eli"]);
        var page = await NewPageAsync();
        await page.GotoAsync(site.PageUrl(site.App, 105));
        await SignInAsync(page, "voter-eli");
        await page.GetByLabel("@kenji-sato").CheckAsync();
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }) });
        var action = await form.GetAttributeAsync("action");
        var fields = new Dictionary<string, string>
        {
            ["Submission"] = (await form.Locator("input[name=Submission]").InputValueAsync())!,
            ["__RequestVerificationToken"] = (await form.Locator("input[name=__RequestVerificationToken]").InputValueAsync())!,
            ["Approved"] = "kenji-sato",
        };

        await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();
        var receipt = (await page.Locator("#receipt").TextContentAsync())!.Trim();
        var formData = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            formData.Set(name, value);
        }

        var again = await page.Context.APIRequest.PostAsync(new Uri(new Uri(page.Url), action).AbsoluteUri, new() { Form = formData });

        Assert.Equal(200, again.Status);
        Assert.Contains(receipt, await again.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(receipt, Assert.Single(await site.Box.CloseAsync(election.Key, CancellationToken.None)).Receipt);
    }

    [Fact]
    public async Task A_person_outside_the_electorate_is_told_why_and_whom_to_ask()
    {
        var election = await site.ElectionAsync(106, BallotKind.Approval, ["voter-fay"]);
        var page = await NewPageAsync();
        await page.GotoAsync(site.PageUrl(site.App, 106));
        await SignInAsync(page, "outsider-olga");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You cannot vote in this election" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("ask the chairs: @chair-carla, @chair-chen");
        await Expect(page.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
        await ShootAsync(page, "not-eligible");

        // A forged ballot from the outsider (with a valid antiforgery token from the page) is refused too.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var formData = page.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set("Submission", "forged").Set("Approved", "kenji-sato");
        var forged = await page.Context.APIRequest.PostAsync(site.PageUrl(site.App, 106) + "?handler=Cast", new() { Form = formData });
        Assert.Equal(403, forged.Status);
        Assert.Empty(await site.Box.VotersAsync(election.Key, CancellationToken.None));
    }

    [Fact]
    public async Task A_closed_election_refuses_and_links_the_result()
    {
        await site.ElectionAsync(107, BallotKind.Ranked, ["voter-gus"], BallotElectionState.Closed);
        var page = await NewPageAsync();
        await page.GotoAsync(site.PageUrl(site.App, 107));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Voting has closed");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "the result and the published ballots" }))
            .ToHaveAttributeAsync("href", $"https://github.com/{BallotSite.Repo}/issues/107#issuecomment-1");
        await Expect(page.GetByRole(AriaRole.Combobox)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0); // no sign-in offered either
        await ShootAsync(page, "closed");
    }

    [Fact]
    public async Task An_election_not_yet_open_refuses_and_says_when_it_opens()
    {
        await site.ElectionAsync(108, BallotKind.Approval, ["voter-hal"], BallotElectionState.NotYetOpen);
        var page = await NewPageAsync();
        await page.GotoAsync(site.PageUrl(site.App, 108));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Voting has not opened yet");
        await Expect(page.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
        await ShootAsync(page, "not-yet-open");
    }

    [Fact]
    public async Task A_ballot_is_cast_with_the_keyboard_alone()
    {
        var election = await site.ElectionAsync(109, BallotKind.Approval, ["voter-ivy"]);
        site.GitHub.SignInAs("voter-ivy");
        var page = await NewPageAsync();
        await page.GotoAsync(site.PageUrl(site.App, 109));

        await TabToAsync(page, "button", "Sign in with GitHub to vote");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(3);
        await TabToAsync(page, "input", "amara-okafor");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space"); // lucia-mendez
        await TabToAsync(page, "button", "Cast my ballot");
        await ShootAsync(page, "keyboard-focus");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#receipt")).ToBeVisibleAsync();
        Assert.Equal([["amara-okafor", "lucia-mendez"]], Assert.Single(await site.Box.CloseAsync(election.Key, CancellationToken.None)).Ballot.Preferences);
    }

    [Fact]
    public async Task A_sign_in_on_one_replica_is_valid_on_another_on_the_same_database()
    {
        await site.ElectionAsync(110, BallotKind.Approval, ["voter-jo"]);
        var page = await NewPageAsync();
        await page.GotoAsync(site.PageUrl(site.App, 110));
        await SignInAsync(page, "voter-jo");
        var replica = site.StartApp();

        // Cookies belong to the host, not the port: the browser sends the first replica's cookie to the second.
        await page.GotoAsync(site.PageUrl(replica, 110));
        await Expect(page.Locator("footer")).ToContainTextAsync("Signed in as @voter-jo");
        await page.GetByLabel("@kenji-sato").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync(); // the first replica's antiforgery cookie, too
        await Expect(page.Locator("#receipt")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_an_OAuth_client_the_page_says_secret_ballots_are_not_configured()
    {
        var bare = site.StartApp(new Dictionary<string, string?> { ["GitHub:ClientId"] = "", ["GitHub:ClientSecret"] = "" });
        await site.ElectionAsync(111, BallotKind.Approval, ["voter-kim"]);
        var page = await NewPageAsync();

        var response = await page.GotoAsync(site.PageUrl(bare, 111));

        Assert.Equal(200, response!.Status);
        var headers = await response.AllHeadersAsync();
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'", headers["content-security-policy"]); // no form anywhere
        Assert.Equal(("no-store", "nosniff", "no-referrer"), (headers["cache-control"], headers["x-content-type-options"], headers["referrer-policy"]));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Secret ballots are not configured");
        await Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task No_log_line_of_a_voting_run_holds_ballot_content_a_receipt_or_a_voter()
    {
        var election = await site.ElectionAsync(112, BallotKind.Ranked, ["voter-lou", "voter-max"]);
        var receipts = new List<string>();
        foreach (var voter in new[] { "voter-lou", "voter-max" })
        {
            var page = await NewPageAsync();
            await page.GotoAsync(site.PageUrl(site.App, 112));
            await SignInAsync(page, voter);
            await page.GetByLabel("@lucia-mendez").SelectOptionAsync("1");
            await page.GetByLabel("@amara-okafor").SelectOptionAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();
            receipts.Add((await page.Locator("#receipt").TextContentAsync())!.Trim());
        }

        await site.Box.CloseAsync(election.Key, CancellationToken.None);
        var lines = site.Logs.Lines;

        Assert.Contains(lines, l => l.Contains("Closed the ballot box of cncf/tag-security#112", StringComparison.Ordinal)); // the capture works
        foreach (var secret in receipts.Concat(["voter-lou", "voter-max", "lucia-mendez", "amara-okafor", "kenji-sato"]))
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private async Task<IPage> NewPageAsync()
    {
        // Two shared cores: a cold first page (Razor, the first Data Protection key) may take seconds.
        SetDefaultExpectTimeout(15_000);
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Phone });
        return await context.NewPageAsync();
    }

    private Task SignInAsync(IPage page, string login) => BallotSite.SignInAsync(page, site.GitHub, login);

    /// <summary>Presses Tab until the focused element is the one named; fails after 20 presses.</summary>
    private static async Task TabToAsync(IPage page, string tag, string text)
    {
        for (var i = 0; i < 20; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.tagName.toLowerCase() + ' ' + (e.value || '') + ' ' + e.textContent; }");
            if (focused.StartsWith(tag + " ", StringComparison.Ordinal) && focused.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached the {tag} \"{text}\".");
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.ScreenshotAsync(new() { Path = BallotSite.ScreenshotPath(name + "-phone"), FullPage = true });
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await page.ScreenshotAsync(new() { Path = BallotSite.ScreenshotPath(name + "-desktop"), FullPage = true });
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
    }
}
