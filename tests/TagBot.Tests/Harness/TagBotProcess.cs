using System.Diagnostics;
using System.Text;

namespace TagBot.Tests.Harness;

/// <summary>The real TagBot executable as a child process, configured as an operator would: with environment variables.</summary>
public sealed class TagBotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private TagBotProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Standard error alone (<see cref="Output"/> has both streams, interleaved).</summary>
    public string Error
    {
        get
        {
            lock (_output)
            {
                return _error.ToString();
            }
        }
    }

    public static TagBotProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        StartIn(AppContext.BaseDirectory, environment, arguments);

    /// <summary>Starts TagBot from <paramref name="workingDirectory"/>, as <c>dotnet run</c> from a checkout or a service manager would.</summary>
    public static TagBotProcess StartIn(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TagBot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var tagbot = new TagBotProcess(new Process { StartInfo = start });
        tagbot._process.OutputDataReceived += (_, e) => tagbot.Append(e.Data);
        tagbot._process.ErrorDataReceived += (_, e) => tagbot.Append(e.Data, error: true);
        tagbot._process.Start();
        tagbot._process.BeginOutputReadLine();
        tagbot._process.BeginErrorReadLine();
        return tagbot;
    }

    /// <summary>Waits for the process to exit on its own; returns its exit code, or null if it is still running.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits until the process at <paramref name="port"/> answers <c>/readyz</c>.</summary>
    public async Task WaitReadyAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("TagBot did not become ready:\n" + Output);
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line, bool error = false)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (error)
            {
                _error.AppendLine(line);
            }
        }
    }
}
