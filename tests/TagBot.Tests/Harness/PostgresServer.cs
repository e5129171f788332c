using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TagBot.Tests.Harness;

/// <summary>
/// A real PostgreSQL server for the test run: the one named by <c>TAGBOT_TEST_POSTGRES</c> (an
/// Npgsql connection string), or else a throwaway cluster this fixture creates with the machine's
/// PostgreSQL binaries, as the <c>postgres</c> user when running as root (the server refuses root).
/// Each test gets its own fresh database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDirectory;
    private string? _binDirectory;

    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("TAGBOT_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AdminConnectionString = configured;
            return;
        }

        _binDirectory = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (_binDirectory is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL tests need a server: install Debian's postgresql package (apt-get install postgresql) or set TAGBOT_TEST_POSTGRES.");
        }

        var port = FreePort();
        _dataDirectory = Directory.CreateTempSubdirectory("tagbot-pg-").FullName;
        var socketDirectory = Path.Combine(_dataDirectory, "socket");
        Directory.CreateDirectory(socketDirectory);
        await RunAsync("chown", "-R", "postgres:postgres", _dataDirectory);
        await AsPostgresAsync(Path.Combine(_binDirectory, "initdb"), "-D", Path.Combine(_dataDirectory, "data"), "-A", "trust", "-U", "postgres", "--no-sync");
        await AsPostgresAsync(Path.Combine(_binDirectory, "pg_ctl"), "-D", Path.Combine(_dataDirectory, "data"), "-w", "-l", Path.Combine(_dataDirectory, "log"),
            "-o", $"-p {port} -k {socketDirectory} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on", "start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "tagbot_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_dataDirectory is null || _binDirectory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await AsPostgresAsync(Path.Combine(_binDirectory, "pg_ctl"), "-D", Path.Combine(_dataDirectory, "data"), "-m", "immediate", "stop");
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static Task AsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
