using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClaimDesk.Core.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// The real service on a real SQLite file in a temp folder, with Hangfire processing jobs in memory.
/// One instance serves a whole test collection (Hangfire's configuration is process-wide).
/// </summary>
public class ClaimDeskApiFactory : WebApplicationFactory<Program>
{
    public const string DeskUrl = "https://factcheck.example.org";
    public const string ApiUrl = "https://api.factcheck.example.org";
    public const string AdminKey = "cdk_testadmin0_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    private readonly string _directory;
    private readonly bool _ownsDirectory;

    public ClaimDeskApiFactory() : this(null) { }

    /// <summary>A desk on the database in <paramref name="directory"/> (to restart a desk on the same data), or a fresh one.</summary>
    protected ClaimDeskApiFactory(string? directory)
    {
        _ownsDirectory = directory is null;
        _directory = directory ?? Path.Combine(Path.GetTempPath(), "claimdesk-tests", Guid.NewGuid().ToString("N"));
    }
    private readonly Dictionary<Role, HttpClient> _clients = [];
    private readonly SemaphoreSlim _clientLock = new(1, 1);

    public string DatabasePath => Path.Combine(_directory, "claimdesk.db");

    /// <summary>Extra settings a derived factory needs (e.g. a tighter rate limit).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ClaimDesk", $"Data Source={DatabasePath}");
        builder.UseSetting("ClaimDesk:Database", "Sqlite");
        builder.UseSetting("CLAIMDESK_BOOTSTRAP_KEY", AdminKey);
        builder.UseSetting("ClaimDesk:Jobs:WorkerCount", "2");
        // The suite sends thousands of requests with one admin key; the rate limit has tests of its own.
        builder.UseSetting("ClaimDesk:RateLimit:PermitsPerMinute", "1000000");
        // Where published ClaimReviews point: a desk must say so (without it the export answers 409).
        builder.UseSetting("ClaimDesk:Desk:Url", DeskUrl);
        builder.UseSetting("ClaimDesk:Desk:ClaimUrlTemplate", DeskUrl + "/claims/{id}");
        // Where webhook payloads link to (never the test server's own address).
        builder.UseSetting("ClaimDesk:Desk:ApiUrl", ApiUrl);
        foreach (var (key, value) in ExtraSettings) builder.UseSetting(key, value);
    }

    public HttpClient Admin => ClientWithKey(AdminKey);

    public HttpClient Anonymous => CreateClient();

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A client whose key has the role; the key is issued through the admin API like a desk would.</summary>
    public async Task<HttpClient> As(Role role)
    {
        if (role == Role.Admin) return Admin;
        await _clientLock.WaitAsync();
        try
        {
            if (_clients.TryGetValue(role, out var existing)) return existing;
            var client = ClientWithKey(await IssueKeyAsync(RoleUserName(role), role));
            _clients[role] = client;
            return client;
        }
        finally
        {
            _clientLock.Release();
        }
    }

    /// <summary>The key name (and so the actor name in the audit log) of the shared client of a role.</summary>
    public static string RoleUserName(Role role) => $"test-{role.ToString().ToLowerInvariant()}";

    public async Task<string> IssueKeyAsync(string name, Role role)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/api-keys", new { name, role = role.ToString().ToLowerInvariant() });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return created.GetProperty("secret").GetString()!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        foreach (var client in _clients.Values) client.Dispose();
        if (!_ownsDirectory) return;
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ClaimDeskApiFactory>
{
    public const string Name = "api";
}
