using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// The desk as a real process of its own (the built ClaimDesk.Api), on loopback, on a database in a given folder — so a
/// test can kill it with SIGKILL mid-work, as a crash would, and start another on the same database.
/// </summary>
public sealed class DeskProcess : IAsyncDisposable
{
    private readonly Process _process;

    public HttpClient Admin { get; }

    private DeskProcess(Process process, HttpClient admin)
    {
        _process = process;
        Admin = admin;
    }

    public static async Task<DeskProcess> StartAsync(string directory, params KeyValuePair<string, string>[] settings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", $"\"{ApiDll()}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(ApiDll())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ConnectionStrings__ClaimDesk"] = $"Data Source={Path.Combine(directory, "claimdesk.db")}";
        info.Environment["CLAIMDESK_BOOTSTRAP_KEY"] = ClaimDeskApiFactory.AdminKey;
        info.Environment["ClaimDesk__RateLimit__PermitsPerMinute"] = "1000000";
        info.Environment["ClaimDesk__Jobs__WorkerCount"] = "2";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        Directory.CreateDirectory(directory);
        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ClaimDeskApiFactory.AdminKey);
        var desk = new DeskProcess(process, admin);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The desk process exited with {process.ExitCode} before it was ready.");
            try
            {
                if ((await admin.GetAsync("/health/ready")).IsSuccessStatusCode) return desk;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The desk process did not become ready within 60 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown, no draining, no flush; whatever was not committed is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
        Admin.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The API as built beside these tests, in the same configuration (Debug or Release).</summary>
    private static string ApiDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "src", "ClaimDesk.Api", "bin", configuration, framework, "ClaimDesk.Api.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new FileNotFoundException("ClaimDesk.Api.dll not found; build the solution first.");
    }
}
