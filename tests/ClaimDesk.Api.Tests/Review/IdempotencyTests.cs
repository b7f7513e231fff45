using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Review;

[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ClaimDeskApiFactory desk)
{
    private static HttpRequestMessage Post(string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_answer_and_registers_once()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var body = new { articleId = article.Id(), text = "The mayor said the vote was historic." };
        var key = Guid.NewGuid().ToString();
        var countBefore = (await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/claims?pageSize=1")).GetProperty("total").GetInt32();

        var first = await desk.Admin.SendAsync(Post("/api/v1/claims", body, key));
        var retry = await desk.Admin.SendAsync(Post("/api/v1/claims", body, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var countAfter = (await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/claims?pageSize=1")).GetProperty("total").GetInt32();
        Assert.Equal(countBefore + 1, countAfter);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var key = Guid.NewGuid().ToString();
        var first = await desk.Admin.SendAsync(Post("/api/v1/claims", new { articleId = article.Id(), text = "First claim." }, key));
        var other = await desk.Admin.SendAsync(Post("/api/v1/claims", new { articleId = article.Id(), text = "A different claim." }, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        await other.ProblemAsync();
    }

    [Fact]
    public async Task Keys_belong_to_one_api_key_another_caller_with_the_same_key_is_not_replayed()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { articleId = article.Id(), text = "Claim registered by two tools." };
        var byAdmin = await desk.Admin.SendAsync(Post("/api/v1/claims", body, key));
        var byTool = await (await desk.As(ClaimDesk.Core.Domain.Role.Integration)).SendAsync(Post("/api/v1/claims", body, key));

        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byTool.StatusCode);
        Assert.False(byTool.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(byAdmin.Headers.Location, byTool.Headers.Location);
    }

    public static TheoryData<int, string, string> Refusals => new()
    {
        // The handler finds no such article.
        { 404, "/api/v1/claims", """{ "articleId": 987654321, "text": "A claim about an article nobody registered." }""" },
        // The state refuses it: an active key already has this name.
        { 409, "/api/v1/api-keys", """{ "name": "admin", "role": "reader" }""" },
        // The validator refuses it.
        { 400, "/api/v1/claims", """{ "articleId": 0, "text": "" }""" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_keyed_request_refused_by_an_error_replays_the_same_refusal_to_its_retry(int status, string path, string body)
    {
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var first = await desk.Admin.SendAsync(Send());
        var retry = await desk.Admin.SendAsync(Send());

        Assert.Equal(status, (int)first.StatusCode);
        Assert.Equal(status, (int)retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", retry.Content.Headers.ContentType?.MediaType);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task A_key_an_earlier_version_left_in_progress_is_free_at_once()
    {
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var key = Guid.NewGuid().ToString();
        // Versions that took a key before answering left a row with no answer when their process died; no row is written
        // now until there is an answer, so such a row means "nothing answered".
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={desk.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO IdempotencyRecords (ApiKeyId, Key, RequestHash, StatusCode, CreatedAt, ExpiresAt) " +
                                 "SELECT Id, $key, 'x', 0, $created, $expires FROM ApiKeys WHERE Name = 'admin'";
            insert.Parameters.AddWithValue("$key", key);
            insert.Parameters.AddWithValue("$created", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fffffff"));
            insert.Parameters.AddWithValue("$expires", DateTime.UtcNow.AddHours(20).ToString("yyyy-MM-dd HH:mm:ss.fffffff"));
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        var response = await desk.Admin.SendAsync(Post("/api/v1/claims", new { articleId = article.Id(), text = "A retried claim." }, key));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_replayed_transition_returns_the_first_answer_instead_of_a_412()
    {
        var id = await ReviewFlow.NewClaimAwaitingReviewAsync(desk);
        var (_, etag) = await desk.Admin.GetClaimAsync(id);
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Transition()
        {
            var request = Post($"/api/v1/claims/{id}/transitions", new { to = "inReview" }, key);
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return request;
        }

        var first = await desk.Admin.SendAsync(Transition());
        var retry = await desk.Admin.SendAsync(Transition());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
    }

    [Fact]
    public async Task A_new_keys_secret_is_replayed_to_a_retry_but_never_stored_in_plain_text()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { name = $"tool-{Guid.NewGuid():N}"[..20], role = "integration" };

        var first = await desk.Admin.SendAsync(Post("/api/v1/api-keys", body, key));
        var retry = await desk.Admin.SendAsync(Post("/api/v1/api-keys", body, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var secret = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.Equal(secret, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());

        // The answer kept for retries is sealed: the database does not hold the secret it shows once.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={desk.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Body FROM IdempotencyRecords WHERE Key = $key";
        command.Parameters.AddWithValue("$key", key);
        var stored = (byte[])(await command.ExecuteScalarAsync())!;
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(stored));
        Assert.DoesNotContain("secret", System.Text.Encoding.UTF8.GetString(stored));
    }
}
