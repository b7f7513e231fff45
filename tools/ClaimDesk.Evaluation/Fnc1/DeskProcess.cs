using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ClaimDesk.Evaluation.Fnc1;

/// <summary>
/// A real desk for an evaluation: the API host (the build beside this tool's, same configuration) in a child process on
/// loopback, on the embedded default (a SQLite file in a temp folder, in-memory jobs). Stopped and deleted when disposed.
/// </summary>
public sealed class DeskProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    public HttpClient Client { get; }

    private DeskProcess(Process process, string directory, HttpClient client)
    {
        _process = process;
        _directory = directory;
        Client = client;
    }

    public static async Task<DeskProcess> StartAsync()
    {
        var dll = ApiDll();
        var directory = Path.Combine(Path.GetTempPath(), "claimdesk-evaluation", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var key = "cdk_fnc1eval01_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__ClaimDesk"] = $"Data Source={Path.Combine(directory, "claimdesk.db")}";
        info.Environment["ClaimDesk__Database"] = "Sqlite";
        info.Environment["CLAIMDESK_BOOTSTRAP_KEY"] = key;
        // One client sends thousands of requests: the per-key rate limit is for desks, not for this run.
        info.Environment["ClaimDesk__RateLimit__PermitsPerMinute"] = "100000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        // The desk's own log, kept beside the run (not in the folder deleted at the end) in case it stops early.
        var log = directory + ".log";
        _ = Task.Run(async () =>
        {
            await using var writer = new StreamWriter(log) { AutoFlush = true };
            await Task.WhenAll(Copy(process.StandardOutput), Copy(process.StandardError));
            async Task Copy(StreamReader from)
            {
                while (await from.ReadLineAsync() is { } line)
                    lock (writer) writer.WriteLine(line);
            }
        });
        Console.WriteLine($"desk log: {log}");

        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var desk = new DeskProcess(process, directory, client);
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The desk exited with {process.ExitCode} before it was ready.");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return desk;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        await desk.DisposeAsync();
        throw new TimeoutException("The desk did not become ready within 2 minutes.");
    }

    /// <summary>The API host built beside this tool (same configuration): the tool references the API project, so one build makes both.</summary>
    private static string ApiDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "src", "ClaimDesk.Api", "bin", configuration, "net10.0", "ClaimDesk.Api.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new FileNotFoundException($"src/ClaimDesk.Api/bin/{configuration}/net10.0/ClaimDesk.Api.dll not found: build the API (dotnet build -c {configuration} src/ClaimDesk.Api).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
