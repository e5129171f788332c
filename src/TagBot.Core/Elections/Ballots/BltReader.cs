using System.Globalization;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Ballots;

/// <summary>The strict reader behind <see cref="BltFile.Read"/>: one pass over the lines, stopping at the first error.</summary>
internal sealed class BltReader(string text)
{
    private readonly string[] _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    private int _next;

    private sealed class BltException(int line, int column, string message) : Exception(message)
    {
        public BallotFileError Error { get; } = new(line, column, message);
    }

    private readonly record struct Token(string Text, int Column);

    public BallotFileRead<BltContent> Read()
    {
        try
        {
            return BallotFileRead.Of(ReadAll());
        }
        catch (BltException e)
        {
            return BallotFileRead.Failed<BltContent>([e.Error]);
        }
    }

    private BltContent ReadAll()
    {
        var (line, tokens) = NextLine("the first line, `candidates seats`");
        if (tokens.Count != 2)
        {
            throw new BltException(line, 1, "the first line must be two numbers: candidates and seats");
        }

        var count = Number(line, tokens[0], 1, int.MaxValue, "the number of candidates");
        var seats = Number(line, tokens[1], 1, count, "the number of seats");

        var withdrawn = new List<int>();
        (line, tokens) = NextLine("a ballot or `0`");
        if (tokens.Count > 0 && tokens[0].Text.StartsWith('-'))
        {
            foreach (var token in tokens)
            {
                var n = -Number(line, token, -count, -1, "a withdrawn candidate (-1 to -candidates)");
                if (withdrawn.Contains(n))
                {
                    throw new BltException(line, token.Column, $"candidate {n} is withdrawn twice");
                }

                withdrawn.Add(n);
            }

            (line, tokens) = NextLine("a ballot or `0`");
        }

        var ballots = new List<int[][]>();
        var weights = new List<int>();
        long total = 0;
        while (!(tokens.Count == 1 && tokens[0].Text == "0"))
        {
            var (weight, ballot) = ReadBallot(line, tokens, count);
            total += weight;
            if (total > BltFile.MaxBallots)
            {
                throw new BltException(line, tokens[0].Column, $"more than {BltFile.MaxBallots} ballots");
            }

            ballots.Add(ballot);
            weights.Add(weight);
            (line, tokens) = NextLine("a ballot or `0`, the end of the ballots");
        }

        var names = new List<string>();
        for (var c = 1; c <= count; c++)
        {
            var (nameLine, name) = Quoted($"the name of candidate {c}");
            if (names.Contains(name, Login.Comparer))
            {
                throw new BltException(nameLine, 1, $"\"{name}\" is a candidate twice");
            }

            names.Add(name);
        }

        var (_, title) = Quoted("the title", allowEmpty: true);
        for (; _next < _lines.Length; _next++)
        {
            if (_lines[_next].Trim().Length > 0)
            {
                throw new BltException(_next + 1, 1, "text after the title");
            }
        }

        var read = new List<Ballot>();
        for (var b = 0; b < ballots.Count; b++)
        {
            var ballot = new Ballot([.. ballots[b].Select(tier => (IReadOnlyList<string>)[.. tier.Select(n => names[n - 1])])]);
            read.AddRange(Enumerable.Repeat(ballot, weights[b]));
        }

        return new BltContent(title, names, seats, [.. withdrawn.Select(n => names[n - 1])], read);
    }

    private static (int Weight, int[][] Tiers) ReadBallot(int line, IReadOnlyList<Token> tokens, int count)
    {
        if (tokens.Count < 2 || tokens[^1].Text != "0")
        {
            throw new BltException(line, tokens[^1].Column + tokens[^1].Text.Length, "a ballot line ends with 0");
        }

        var weight = Number(line, tokens[0], 1, int.MaxValue, "the ballot's weight");
        var seen = new HashSet<int>();
        var tiers = new List<int[]>();
        foreach (var token in tokens.Skip(1).SkipLast(1))
        {
            var tier = new List<int>();
            var offset = 0;
            foreach (var part in token.Text.Split('='))
            {
                var n = Number(line, new Token(part, token.Column + offset), 1, count, $"a candidate number (1 to {count})");
                if (!seen.Add(n))
                {
                    throw new BltException(line, token.Column + offset, $"candidate {n} is on the ballot twice");
                }

                tier.Add(n);
                offset += part.Length + 1;
            }

            tiers.Add([.. tier]);
        }

        return (weight, [.. tiers]);
    }

    private (int Line, IReadOnlyList<Token> Tokens) NextLine(string expected)
    {
        if (_next >= _lines.Length || (_next == _lines.Length - 1 && _lines[_next].Length == 0))
        {
            throw new BltException(_next + 1, 1, $"the file ends where {expected} was expected");
        }

        var line = _lines[_next++];
        var tokens = new List<Token>();
        for (var i = 0; i < line.Length;)
        {
            if (line[i] is ' ' or '\t')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < line.Length && line[i] is not (' ' or '\t'))
            {
                i++;
            }

            tokens.Add(new Token(line[start..i], start + 1));
        }

        if (tokens.Count == 0)
        {
            throw new BltException(_next, 1, $"a blank line where {expected} was expected");
        }

        return (_next, tokens);
    }

    private (int Line, string Value) Quoted(string expected, bool allowEmpty = false)
    {
        if (_next >= _lines.Length || (_next == _lines.Length - 1 && _lines[_next].Length == 0))
        {
            throw new BltException(_next + 1, 1, $"the file ends where {expected} was expected");
        }

        var number = ++_next;
        var line = _lines[number - 1].Trim();
        if (line.Length < 2 || line[0] != '"' || line[^1] != '"' || line[1..^1].Contains('"', StringComparison.Ordinal))
        {
            throw new BltException(number, 1, $"expected {expected} in double quotes, found '{line}'");
        }

        var value = line[1..^1];
        if (!allowEmpty && value.Trim().Length == 0)
        {
            throw new BltException(number, 1, $"{expected} is empty");
        }

        return (number, value);
    }

    private static int Number(int line, Token token, int min, int max, string what)
    {
        if (!int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new BltException(line, token.Column, $"'{token.Text}' is not {what}");
        }

        return n;
    }
}
