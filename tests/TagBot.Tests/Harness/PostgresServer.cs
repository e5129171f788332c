using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TagBot.Tests.Harness;

/// <summary>
/// A real PostgreSQL server for the test run: the one named by <c>TAGBOT_TEST_POSTGRES</c> (an
/// Npgsql connection string), or else a throwaway cluster this fixture creates with the machine's
/// PostgreSQL binaries, as the current user (or as <c>postgres</c> when running as root: the server
/// refuses root), deleted again at the end of the run or when it fails to start.
/// Each test gets its own fresh database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string? _binaries;
    private string? _dataDirectory;
    private string? _binDirectory;

    public PostgresServer()
    {
    }

    /// <summary>A throwaway cluster from the binaries in <paramref name="binaries"/>, whatever <c>TAGBOT_TEST_POSTGRES</c> says.</summary>
    internal PostgresServer(string binaries) => _binaries = binaries;

    /// <summary>The throwaway cluster's folder while it exists.</summary>
    internal string? DataDirectory => _dataDirectory;

    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("TAGBOT_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured) && _binaries is null)
        {
            AdminConnectionString = configured;
            return;
        }

        _binDirectory = _binaries ?? InstalledBinaries();
        if (_binDirectory is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL tests need a server: install Debian's postgresql package (apt-get install postgresql) or set TAGBOT_TEST_POSTGRES.");
        }

        var port = FreePort();
        _dataDirectory = Directory.CreateTempSubdirectory("tagbot-pg-").FullName;
        try
        {
            var socketDirectory = Path.Combine(_dataDirectory, "socket");
            Directory.CreateDirectory(socketDirectory);
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", "-R", "postgres:postgres", _dataDirectory);
            }

            await AsServerUserAsync(Path.Combine(_binDirectory, "initdb"), "-D", DataPath, "-A", "trust", "-U", "postgres", "--no-sync");
            await AsServerUserAsync(Path.Combine(_binDirectory, "pg_ctl"), "-D", DataPath, "-w", "-l", Path.Combine(_dataDirectory, "log"),
                "-o", $"-p {port} -k {socketDirectory} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on", "start");
        }
        catch
        {
            await CleanUpAsync(); // a failed start leaves no cluster folder behind
            throw;
        }

        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    internal static string? InstalledBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;

    private string DataPath => Path.Combine(_dataDirectory!, "data");

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
        NpgsqlConnection.ClearAllPools();
        await CleanUpAsync();
    }

    /// <summary>Stops the server if one runs, then deletes the cluster's folder, whatever failed before.</summary>
    private async Task CleanUpAsync()
    {
        if (_dataDirectory is null || _binDirectory is null)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(DataPath, "postmaster.pid")))
            {
                await AsServerUserAsync(Path.Combine(_binDirectory, "pg_ctl"), "-D", DataPath, "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            Directory.Delete(_dataDirectory, recursive: true);
            _dataDirectory = null;
        }
    }

    /// <summary>
    /// PostgreSQL refuses to run as root: as root (CI) the cluster belongs to the <c>postgres</c>
    /// user; anyone else runs it as themselves.
    /// </summary>
    private static Task AsServerUserAsync(string program, params string[] arguments) =>
        Environment.IsPrivilegedProcess ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

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
