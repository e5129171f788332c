using System.Globalization;
using System.Security.Cryptography;
using TagBot.Tests.Harness;
using TagBot.Tests.Webhooks;

namespace TagBot.Tests.Startup;

/// <summary>
/// The real executable, started as an operator would with one thing wrong: it must not listen,
/// must exit non-zero and must say what is wrong in one line on stderr, without a stack trace.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-startup-");
    private readonly string _goodKey;

    public StartupFailureTests()
    {
        using var rsa = RSA.Create(2048);
        _goodKey = rsa.ExportRSAPrivateKeyPem();
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Dictionary<string, string?> Settings(int port) => new()
    {
        ["GitHub:AppId"] = "12345",
        ["GitHub:PrivateKey"] = _goodKey,
        ["GitHub:WebhookSecret"] = "secret",
        // Nothing listens there: a start that got past the checks would only log failed calls.
        ["GitHub:ApiBaseUrl"] = $"http://127.0.0.1:{StartupTests.FreePort()}/",
        ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory.FullName, "tagbot.db")}",
        ["TagBot:SweepOnStart"] = "false",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
    };

    /// <summary>Runs TagBot with <paramref name="change"/> applied to good settings; returns its exit code and stderr.</summary>
    private async Task<(int? ExitCode, string Error, string Output, int Port)> StartAsync(Action<Dictionary<string, string?>> change, params string[] arguments)
    {
        var port = StartupTests.FreePort();
        var settings = Settings(port);
        change(settings);
        using var tagbot = TagBotProcess.Start(settings, arguments);
        var exitCode = await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, tagbot.Error, tagbot.Output, port);
    }

    private static void AssertOneLineRefusal(int? exitCode, string error, string output, string expected)
    {
        Assert.True(exitCode is not null and not 0, $"exit code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "(still running)"}:\n{output}");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("TagBot cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace anywhere
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenKeys => new()
    {
        { "missing file", "no such file" },
        { "not PEM", "is not an RSA private key in PEM format" },
        { "public key", "is not an RSA private key in PEM format" },
        { "truncated PEM", "is not an RSA private key in PEM format" },
        { "folder", "is a folder" },
        { "inline garbage", "GitHub__PrivateKey is not an RSA private key" },
    };

    [Theory]
    [MemberData(nameof(BrokenKeys))]
    public async Task A_key_that_cannot_sign_stops_the_start_with_one_line_naming_the_setting(string broken, string expected)
    {
        using var rsa = RSA.Create(2048);
        var (exitCode, error, output, port) = await StartAsync(s =>
        {
            s["GitHub:PrivateKey"] = null;
            s["GitHub:PrivateKeyPath"] = broken switch
            {
                "missing file" => Path.Combine(_directory.FullName, "tagbot.private-key.pem"),
                "not PEM" => Write("key.pem", "this is the App ID, pasted into the wrong file\n"),
                "public key" => Write("key.pem", rsa.ExportSubjectPublicKeyInfoPem()),
                "truncated PEM" => Write("key.pem", _goodKey[..(_goodKey.Length / 2)]),
                "folder" => _directory.FullName,
                _ => null,
            };
            if (broken == "inline garbage")
            {
                s["GitHub:PrivateKey"] = "-----BEGIN RSA PRIVATE KEY-----\nnot base64\n-----END RSA PRIVATE KEY-----";
            }
        });

        AssertOneLineRefusal(exitCode, error, output, expected);
        Assert.Contains("GitHub__PrivateKey", error, StringComparison.Ordinal);
        Assert.NotEqual(0, await TagBot.Hosting.HealthCheck.RunAsync($"http://127.0.0.1:{port}/healthz"));
    }

    [Fact]
    public async Task A_missing_webhook_secret_is_one_line()
    {
        var (exitCode, error, output, _) = await StartAsync(s => s["GitHub:WebhookSecret"] = "");

        AssertOneLineRefusal(exitCode, error, output, "GitHub__WebhookSecret is required");
    }

    [Fact]
    public async Task An_unreachable_store_is_one_line()
    {
        var (exitCode, error, output, _) = await StartAsync(s =>
        {
            s["Storage:Provider"] = "postgres";
            s["Storage:ConnectionString"] = $"Host=127.0.0.1;Port={StartupTests.FreePort()};Username=tagbot;Timeout=5";
        });

        AssertOneLineRefusal(exitCode, error, output, "the postgres store (Storage__ConnectionString) is unreachable");
    }

    [Fact]
    public async Task A_SQLite_file_that_cannot_be_created_is_one_line()
    {
        var file = Write("not-a-folder", "");
        var (exitCode, error, output, _) = await StartAsync(s => s["Storage:ConnectionString"] = $"Data Source={file}/tagbot.db");

        AssertOneLineRefusal(exitCode, error, output, "the sqlite store (Storage__ConnectionString) is unreachable");
    }

    [Theory]
    [InlineData("TagBot:SweepInterval", "fifteen minutes", "TagBot__SweepInterval")]
    [InlineData("Storage:Provider", "mysql", "Storage__Provider must be 'sqlite' or 'postgres'")]
    [InlineData("Logging:Format", "xml", "Logging__Format must be 'json' or 'simple'")]
    [InlineData("GitHub:AppId", "my-app", "GitHub__AppId")]
    public async Task A_bad_setting_is_one_line_naming_it(string key, string value, string expected)
    {
        var (exitCode, error, output, _) = await StartAsync(s => s[key] = value);

        AssertOneLineRefusal(exitCode, error, output, expected);
    }

    [Fact]
    public async Task A_port_already_in_use_is_one_line()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, error, _, _) = await StartAsync(s => s["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("TagBot cannot start: ", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_command_prints_the_usage_and_a_suggestion_instead_of_serving()
    {
        var (exitCode, error, output, _) = await StartAsync(_ => { }, "valdate", "--config", ".github/tagbot.yml");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("'valdate' is not a TagBot command; did you mean 'validate'?", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Contains("create-app", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_arguments_still_reach_the_server()
    {
        var port = StartupTests.FreePort();
        var settings = Settings(StartupTests.FreePort());
        settings.Remove("ASPNETCORE_URLS");
        using var tagbot = TagBotProcess.Start(settings, "--urls", $"http://127.0.0.1:{port}");

        await tagbot.WaitReadyAsync(port);

        Assert.Equal(0, await TagBot.Hosting.HealthCheck.RunAsync($"http://127.0.0.1:{port}/healthz"));
    }
}
