using System.Data.Common;

namespace TagBot.Tests.Ballots;

/// <summary>Every row of every table of a store, for the tests that look for a voter linked to a ballot anywhere.</summary>
public static class StoreRows
{
    public const string SqliteTables = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";

    /// <summary>Each row as "table|column=value|…", bytes in hex; asserts the ballot tables were among those read.</summary>
    public static async Task<List<string>> ReadAllAsync(DbConnection connection, string tablesQuery)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = tablesQuery;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("tagbot_ballot_voters", tables);
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(table + "|" + string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i) + "=" + Show(reader.GetValue(i)))));
            }
        }

        return rows;
    }

    private static string Show(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => Convert.ToHexStringLower(bytes),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
