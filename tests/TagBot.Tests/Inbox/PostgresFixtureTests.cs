using Npgsql;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Inbox;

/// <summary>
/// The throwaway PostgreSQL cluster the storage tests run on: it must start for whoever runs
/// <c>dotnet test</c> (root in CI, a developer's own account on a laptop) and leave nothing behind.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresFixtureTests
{
    [Fact]
    public async Task The_cluster_runs_as_the_user_running_the_tests_and_its_folder_goes_with_it()
    {
        var binaries = PostgresServer.InstalledBinaries();
        Assert.True(binaries is not null, "the PostgreSQL binaries are installed (apt-get install postgresql)");
        var server = new PostgresServer(binaries);

        await server.InitializeAsync();
        var folder = server.DataDirectory!;
        string dataDirectory, owner;
        try
        {
            dataDirectory = await ScalarAsync(server, "SELECT pg_catalog.current_setting('data_directory')");
            owner = await OwnerAsync(dataDirectory);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.Equal(Path.Combine(folder, "data"), dataDirectory);
        Assert.Equal(Environment.IsPrivilegedProcess ? "postgres" : Environment.UserName, owner);
        Assert.False(Directory.Exists(folder), $"{folder} is left behind");
    }

    [Fact]
    public async Task A_cluster_that_fails_to_start_leaves_no_folder_behind()
    {
        // initdb that fails, as a full disk or a broken installation would make it.
        var binaries = Directory.CreateTempSubdirectory("tagbot-fake-pg-bin-");
        try
        {
            var initdb = Path.Combine(binaries.FullName, "initdb");
            await File.WriteAllTextAsync(initdb, "#!/bin/sh\necho \"initdb: could not create directory \\\"$2\\\": No space left on device\" >&2\nexit 1\n");
            File.SetUnixFileMode(initdb, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(binaries.FullName, (UnixFileMode)0b111_101_101);
            var server = new PostgresServer(binaries.FullName);

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(server.InitializeAsync);
            await server.DisposeAsync();

            // The script names the data folder it was given; the cluster folder is its parent.
            var data = failure.Message.Split("could not create directory \"")[1].Split('"')[0];
            Assert.StartsWith(Path.GetTempPath(), data, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.GetDirectoryName(data)), $"{Path.GetDirectoryName(data)} is left behind");
        }
        finally
        {
            binaries.Delete(recursive: true);
        }
    }

    private static async Task<string> OwnerAsync(string path)
    {
        var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%U", path]) { RedirectStandardOutput = true })!;
        var owner = await stat.StandardOutput.ReadToEndAsync();
        await stat.WaitForExitAsync();
        return owner.Trim();
    }

    private static async Task<string> ScalarAsync(PostgresServer server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
