using System.Text;

namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field quoted when it holds a
/// comma, a quote or a line break, and a quote inside a quoted field doubled. The reader also takes LF line ends
/// (a file that went through git may have them) but nothing looser: no quote inside an unquoted field, nothing
/// after a closing quote, no lone CR.
/// </summary>
internal static class Rfc4180
{
    public sealed record Record(int Line, IReadOnlyList<string> Fields);

    public static string Write(IEnumerable<IEnumerable<string>> records)
    {
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.Append(string.Join(",", record.Select(Quote))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The records with the line each starts on, or the first error.</summary>
    public static (IReadOnlyList<Record> Records, BallotFileError? Error) Read(string text)
    {
        var records = new List<Record>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            while (true)
            {
                var column = fields.Count + 1;
                var field = new StringBuilder();
                if (i < text.Length && text[i] == '"')
                {
                    var opened = line;
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            return (records, new BallotFileError(opened, column, "a quoted field is never closed"));
                        }

                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        if (text[i] == '\n')
                        {
                            line++;
                        }

                        field.Append(text[i++]);
                    }

                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        return (records, new BallotFileError(line, column, "text after a closing quote; a quote inside a quoted field is written twice (\"\")"));
                    }
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        if (text[i] == '"')
                        {
                            return (records, new BallotFileError(line, column, "a quote inside an unquoted field; quote the whole field and double the quote"));
                        }

                        field.Append(text[i++]);
                    }
                }

                fields.Add(field.ToString());
                if (i >= text.Length)
                {
                    break;
                }

                if (text[i] == ',')
                {
                    i++;
                    continue;
                }

                if (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
                {
                    return (records, new BallotFileError(line, column, "a carriage return without a line feed; records end with CRLF or LF"));
                }

                i += text[i] == '\r' ? 2 : 1;
                line++;
                break;
            }

            records.Add(new Record(start, fields));
        }

        return (records, null);
    }
}
