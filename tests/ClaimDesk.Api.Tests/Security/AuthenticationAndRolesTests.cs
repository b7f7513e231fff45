using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;

namespace ClaimDesk.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class AuthenticationAndRolesTests(ClaimDeskApiFactory desk)
{
    [Theory]
    [InlineData("GET", "/api/v1/articles")]
    [InlineData("GET", "/api/v1/claims")]
    [InlineData("POST", "/api/v1/articles")]
    [InlineData("POST", "/api/v1/claims")]
    [InlineData("GET", "/api/v1/api-keys")]
    [InlineData("GET", "/api/v1/outlets")]
    public async Task Without_a_key_every_endpoint_is_401(string method, string path)
    {
        var response = await desk.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await response.ProblemAsync();
    }

    [Theory]
    [InlineData("Bearer cdk_aaaaaaaaaa_notarealkeynotarealkeynotarealkey")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer short")]
    public async Task A_wrong_key_is_401(string header)
    {
        using var client = desk.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/claims")).StatusCode);
    }

    [Fact]
    public async Task A_reader_reads_but_cannot_write()
    {
        var reader = await desk.As(Role.Reader);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/claims")).StatusCode);
        var write = await reader.PostAsJsonAsync("/api/v1/articles", new { title = "t", text = "Some text here.", outlet = "o" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        await write.ProblemAsync();
    }

    [Theory]
    [InlineData(Role.Reader)]
    [InlineData(Role.Reviewer)]
    [InlineData(Role.Editor)]
    [InlineData(Role.Integration)]
    public async Task Only_admins_manage_api_keys(Role role)
    {
        var client = await desk.As(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/v1/api-keys/1")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_and_keys_are_never_listed_with_secrets()
    {
        var name = "temp-" + Guid.NewGuid().ToString("N")[..8];
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name, role = "reviewer" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        using var client = desk.ClientWithKey(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/claims")).StatusCode);

        var listing = await desk.Admin.GetStringAsync("/api/v1/api-keys?pageSize=200");
        Assert.DoesNotContain(secret, listing);
        Assert.DoesNotContain(secret[^20..], listing);

        var revoke = await desk.Admin.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("key").GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/claims")).StatusCode);
    }

    [Fact]
    public async Task Keys_are_stored_hashed()
    {
        var name = "hashed-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await desk.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name, role = "reader" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={desk.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM ApiKeys WHERE Name = $name";
        command.Parameters.AddWithValue("$name", name);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            var text = value is byte[] bytes ? Convert.ToBase64String(bytes) + System.Text.Encoding.UTF8.GetString(bytes) : value.ToString()!;
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(secret.Split('_')[2], text);
        }
    }

    [Fact]
    public async Task Health_openapi_and_scalar_are_open_the_job_dashboard_is_for_admins()
    {
        Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.GetAsync("/scalar")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await desk.Anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await (await desk.As(Role.Editor)).GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync("/hangfire")).StatusCode);
    }
}
