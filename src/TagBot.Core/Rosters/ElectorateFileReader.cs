using TagBot.Core.Policies;
using TagBot.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagBot.Core.Rosters;

/// <summary>
/// Reads an electorate file in Elekto's <c>voters.yaml</c> format (<c>elections.electorate.format: elekto</c>):
/// <c>eligible_voters:</c> followed by a block or flow list of GitHub logins; comments anywhere. Other top-level
/// keys are ignored, as Elekto ignores them. Errors name file, line and key (<c>eligible_voters[12]</c>): an item
/// that is not a valid login, an empty item (the template's lone <c>-</c>), and a file without voters, which
/// would leave nobody a binding voter. A login listed twice (in any case) is a warning: it changes nobody's vote.
/// </summary>
public static class ElectorateFileReader
{
    /// <summary>The key Elekto reads.</summary>
    public const string VotersKey = "eligible_voters";

    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The file's repository path, for error messages.</param>
    public static ElectorateLoadResult Read(string? text, string fileName)
    {
        var r = new ConfigNodeReader(fileName);
        var voters = new List<string>();
        var warnings = new List<ConfigError>();
        var root = r.ParseDocument(text);
        if (root is null && !r.HasErrors)
        {
            r.Report(new Mark(0, 1, 1), ConfigError.FileKey, $"the file is empty; expected `{VotersKey}:` and a list of GitHub logins");
        }
        else if (root is { Node: not YamlMappingNode } notMap)
        {
            r.Report(notMap, $"expected `{VotersKey}:` and a list of GitHub logins at the top of the file, found {notMap.Describe()}");
        }
        else if (root is { } map)
        {
            var entries = r.Entries(map).ToList();
            var found = entries.Where(e => e.Key == VotersKey).ToList();
            if (found.Count == 0)
            {
                var near = KeySuggester.Suggest(VotersKey, entries.Select(e => e.Key).ToList());
                r.Report(map.Start, VotersKey, $"missing `{VotersKey}:`, the list of voters" + (near is null ? "" : $" (found `{near}:`; a typo?)"));
            }
            else
            {
                ReadVoters(r, found[0].Value, found[0].KeyNode, voters, warnings);
            }
        }
        return r.HasErrors
            ? new ElectorateLoadResult(null, r.Errors) { Warnings = warnings }
            : new ElectorateLoadResult(new ElectorateFile(fileName, voters), []) { Warnings = warnings };
    }

    private static void ReadVoters(ConfigNodeReader r, ConfigNode list, ConfigNode keyNode, List<string> voters, List<ConfigError> warnings)
    {
        if (!r.TryList(list, out var items))
        {
            return;
        }
        if (items.Count == 0)
        {
            r.Report(keyNode.Start, VotersKey, "lists no voters: nobody's position would be binding");
            return;
        }
        var lines = new Dictionary<string, long>(Login.Comparer);
        foreach (var item in items)
        {
            if (item.IsNull)
            {
                r.Report(item, "an empty item: write a GitHub login after the dash, or remove the line");
                continue;
            }
            if (item.Node is not YamlScalarNode)
            {
                r.Report(item, $"expected a GitHub login, found {item.Describe()}");
                continue;
            }
            if (RosterReader.ReadLogin(r, item) is not { } login)
            {
                continue;
            }
            if (lines.TryGetValue(login, out var first))
            {
                warnings.Add(new ConfigError(r.File, (int)item.Start.Line, (int)item.Start.Column, item.Path,
                    $"'{login}' is already listed on line {first} (logins compare case-insensitively)"));
                continue;
            }
            lines.Add(login, item.Start.Line);
            voters.Add(login);
        }
    }
}
