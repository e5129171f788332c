using System.Text.RegularExpressions;

namespace TagBot.Tests.Hostile;

/// <summary>Checks that log lines give nothing away: no known secret, nothing shaped like a token or a JWT.</summary>
public static partial class LogAssert
{
    /// <summary>The lines of a PEM key (armour included) long enough that finding one in a log cannot be chance.</summary>
    public static IEnumerable<string> PemLines(string pem) =>
        pem.Split('\n').Select(line => line.Trim()).Where(line => line.Length >= 16);

    public static void RevealsNothing(IEnumerable<string> lines, IEnumerable<string> secrets)
    {
        var known = secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
        var leaks = new List<string>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            for (var i = 0; i < known.Count; i++)
            {
                if (line.Contains(known[i], StringComparison.Ordinal))
                {
                    leaks.Add($"line {number} holds secret #{i} ({Describe(known[i])}): {line}");
                }
            }

            if (Jwt().IsMatch(line))
            {
                leaks.Add($"line {number} holds a JWT: {line}");
            }

            if (InstallationToken().IsMatch(line))
            {
                leaks.Add($"line {number} holds an installation token: {line}");
            }
        }

        Assert.True(number > 0, "no log lines were captured");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(20)));
    }

    private static string Describe(string secret) => secret.Length <= 8 ? $"{secret.Length} characters" : $"{secret[..4]}…, {secret.Length} characters";

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\bgh[suop]_[A-Za-z0-9]{30,}")]
    private static partial Regex InstallationToken();
}
