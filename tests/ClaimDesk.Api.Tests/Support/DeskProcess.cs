using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// The real API in a process of its own (<c>dotnet ClaimDesk.Api.dll</c>, as deployed) on a loopback port and a SQLite file
/// in a temp folder: for what the in-memory test server cannot do — a client that resets its TCP connection, a process
/// killed with SIGKILL in the middle of its work. <see cref="RestartAsync"/> starts a new process on the same database
/// and port, as a supervisor would.
/// </summary>
public sealed class DeskProcess : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Dictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public string DatabasePath { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    private DeskProcess(string directory, int port, Dictionary<string, string> environment)
    {
        _directory = directory;
        DatabasePath = Path.Combine(directory, "claimdesk.db");
        Port = port;
        _environment = environment;
    }

    /// <summary>A desk in <paramref name="role"/> (all, api, worker) with the test admin key, started and answering its readiness probe.</summary>
    public static async Task<DeskProcess> StartAsync(string role, params KeyValuePair<string, string>[] settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "claimdesk-tests", "process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__ClaimDesk"] = $"Data Source={Path.Combine(directory, "claimdesk.db")}",
            ["ClaimDesk__Database"] = "Sqlite",
            ["ClaimDesk__Role"] = role,
            ["CLAIMDESK_BOOTSTRAP_KEY"] = ClaimDeskApiFactory.AdminKey,
            ["ClaimDesk__RateLimit__PermitsPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var desk = new DeskProcess(directory, port, environment);
        await desk.LaunchAsync();
        return desk;
    }

    public HttpClient Client(string key = ClaimDeskApiFactory.AdminKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>SIGKILL on Linux: no shutdown hook, no drain, no flush — whatever was not committed is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>A new process on the same database and port.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        await LaunchAsync();
    }

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string OutputTail => string.Join('\n', _output.TakeLast(40));

    private async Task LaunchAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ClaimDesk.Api.dll");
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment) info.Environment[key] = value;
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The desk exited with {process.ExitCode}:\n{OutputTail}");
            try
            {
                using var ready = await probe.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The desk did not become ready:\n{OutputTail}");
            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Tests that run the desk as a child process: one at a time, beside no other desk.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "process";
}
