namespace TagBot.Core.Tests.Rosters;

using System.Text;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

/// <summary>
/// Elekto's <c>voters.yaml</c> (<c>elections.electorate</c>), read as Kubernetes' steering election keeps it: a
/// comment header (copied from elections/steering/2026/voters.yaml, kubernetes/community 24e7d8f5) then
/// <c>eligible_voters:</c> and one login a line, 1,502 of them as in 2026. The logins here are generated.
/// </summary>
public class ElectorateFileReaderTests
{
    private const string File = "elections/steering/2026/voters.yaml";

    private const string Header = """
        # 2026 Steering Committee Election
        ##################################
        #
        # The process for determining eligible voters can be found in
        # https://github.com/kubernetes/community/tree/master/elections/steering/2026
        #
        # If you feel you meet the eligibility criteria but do not see your GitHub username
        # below, please fill out an exception request and the elections team will get back to
        # you as quickly as possible: https://elections.k8s.io/app/elections/steering---2026/exception
        #
        # History:
        # Log of changes to the file
        # 2026-06-15 - Initial generation of eligible voters from devstats + org members, CoCC, and SRC
        # 2026-08-14 - Update serenity611 to Serenity611
        #

        """;

    /// <summary>1,502 distinct logins shaped like GitHub's: digits first, capitals, hyphens, up to 39 characters.</summary>
    private static List<string> Logins()
    {
        var random = new Random(2026);
        const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var logins = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        while (logins.Count < 1502)
        {
            var length = random.Next(2, 20);
            var login = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                login.Append(i > 0 && i < length - 1 && random.Next(8) == 0 && login[^1] != '-' ? '-' : Letters[random.Next(Letters.Length)]);
            }
            logins.Add(login.ToString());
        }
        return [.. logins];
    }

    private static string Voters(IEnumerable<string> logins) => Header + "eligible_voters:\n" + string.Concat(logins.Select(l => $"- {l}\n"));

    [Fact]
    public void A_steering_election_s_1502_voters_are_read_in_file_order_and_compare_ignoring_case()
    {
        var logins = Logins();

        var result = ElectorateFileReader.Read(Voters(logins), File);

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Take(5)));
        Assert.Empty(result.Warnings);
        Assert.Equal(logins, result.Electorate!.Voters);
        Assert.Equal(File, result.Electorate.Path);
        Assert.True(result.Electorate.Includes(logins[700].ToUpperInvariant()));
        Assert.False(result.Electorate.Includes("not-a-voter-" + logins[0]));
    }

    [Fact]
    public void A_flow_list_with_comments_and_other_keys_reads_too()
    {
        var result = ElectorateFileReader.Read("""
            # exceptions granted on 2026-07-06
            election: steering-2026   # Elekto ignores other keys
            eligible_voters: [alice, Bob, "0xMH"]  # quoted or not
            """, File);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(["alice", "Bob", "0xMH"], result.Electorate!.Voters);
    }

    [Fact]
    public void A_login_listed_twice_is_a_warning_on_its_second_line()
    {
        var result = ElectorateFileReader.Read("eligible_voters:\n- serenity611\n- alice\n- Serenity611\n", File);

        Assert.True(result.IsValid);
        Assert.Equal(["serenity611", "alice"], result.Electorate!.Voters);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((4, "eligible_voters[2]"), (warning.Line, warning.Key));
        Assert.Contains("line 2", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1, "(file)", "the file is empty")]
    [InlineData("# only comments\n", 1, "(file)", "the file is empty")]
    [InlineData("- alice\n- bob\n", 1, "", "expected `eligible_voters:`")]
    [InlineData("eligible_voter:\n- alice\n", 1, "eligible_voters", "found `eligible_voter:`; a typo?")]
    [InlineData("eligible_voters:\n-\n", 2, "eligible_voters[0]", "an empty item")]
    [InlineData("eligible_voters: []\n", 1, "eligible_voters", "lists no voters")]
    [InlineData("eligible_voters:\n", 1, "eligible_voters", "lists no voters")]
    [InlineData("eligible_voters: alice\n", 1, "eligible_voters", "expected a list")]
    [InlineData("eligible_voters:\n- alice\n- { github: bob }\n", 3, "eligible_voters[1]", "expected a GitHub login")]
    [InlineData("eligible_voters:\n- alice\n- -bob\n", 3, "eligible_voters[1]", "")]
    [InlineData("eligible_voters:\n- alice\n- bob smith\n", 3, "eligible_voters[1]", "")]
    // A line indented under an item continues it: the item reads `alice - bob`.
    [InlineData("eligible_voters:\n- alice\n  - bob\n", 2, "eligible_voters[0]", "")]
    public void A_bad_file_is_refused_with_file_line_and_key(string text, int line, string key, string message)
    {
        var result = ElectorateFileReader.Read(text, File);

        Assert.False(result.IsValid);
        Assert.Null(result.Electorate);
        var error = result.Errors[0];
        Assert.Equal(File, error.File);
        Assert.Equal(line, error.Line);
        if (key.Length > 0)
        {
            Assert.Equal(key, error.Key);
        }
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_bad_login_among_1502_is_named_on_its_own_line()
    {
        var logins = Logins();
        logins[1000] = "has space";
        var text = Voters(logins);

        var error = Assert.Single(ElectorateFileReader.Read(text, File).Errors);

        Assert.Equal(Array.IndexOf(text.Split('\n'), "- has space") + 1, error.Line);
        Assert.Equal("eligible_voters[1000]", error.Key);
    }

    [Fact]
    public void The_policy_names_the_file_under_elections_and_checks_the_setting()
    {
        var loaded = PolicyLoader.Load("elections:\n  electorate: { path: elections/steering/2026/voters.yaml, format: elekto }\n");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        Assert.Equal(new ElectorateSettings("elections/steering/2026/voters.yaml", ElectorateFormat.Elekto), loaded.Policy!.Elections.Electorate);

        Assert.Equal(new ElectorateSettings("voters.yaml"), PolicyLoader.Load("elections:\n  electorate:\n    path: voters.yaml\n").Policy!.Elections.Electorate);
        Assert.Null(PolicyLoader.Load("elections:\n  electorate: null\n").Policy!.Elections.Electorate);
        Assert.Null(Policy.Default.Elections.Electorate);

        var noPath = PolicyLoader.Load("elections:\n  electorate: { format: elekto }\n").Errors[0];
        Assert.Equal((2, "elections.electorate"), (noPath.Line, noPath.Key));
        Assert.Contains("missing path", noPath.Message, StringComparison.Ordinal);

        var badFormat = Assert.Single(PolicyLoader.Load("elections:\n  electorate:\n    path: voters.yaml\n    format: csv\n").Errors);
        Assert.Equal((4, "elections.electorate.format"), (badFormat.Line, badFormat.Key));

        var typo = PolicyLoader.Load("elections:\n  electorate:\n    paht: voters.yaml\n").Errors;
        Assert.Contains(typo, e => e.Line == 3 && e.Message.Contains("did you mean 'path'", StringComparison.Ordinal));
        Assert.Contains(typo, e => e.Message.Contains("missing path", StringComparison.Ordinal));
    }
}
