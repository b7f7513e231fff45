using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClaimDesk.Api.Tests.Durability;

[Collection(ProcessCollection.Name)]
public sealed class ConnectionResetTests
{
    /// <summary>
    /// The client sends its whole registration and resets the connection (RST) before any answer, while the desk works on
    /// it. (A reset that overtakes the request — Kestrel drops a body it has not read when the RST arrives — leaves nothing
    /// to recover; the crash drill covers the free key such a request leaves.) So that the reset lands while the desk holds
    /// the request, another writer holds SQLite's write lock, as a long job would; the positive signal that the desk has
    /// the request is "in progress" answered to a retry with the same key. Every try that got no answer is then reset.
    /// </summary>
    [Fact]
    public async Task A_client_that_resets_its_connection_while_its_registration_waits_to_commit_gets_that_registration_when_it_retries()
    {
        await using var desk = await DeskProcess.StartAsync(role: "api");
        using var admin = desk.Client();
        var article = await admin.RegisterOwnArticleAsync();
        var token = "reset" + Guid.NewGuid().ToString("N")[..12];
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new { articleId = article.Id(), text = $"The harbour board approved motion {token}." });

        using (var writer = new SqliteConnection($"Data Source={desk.DatabasePath}"))
        {
            await writer.OpenAsync();
            using var holdsTheLock = writer.BeginTransaction(); // BEGIN IMMEDIATE: the desk's next commit waits for it
            var unanswered = new List<RawRequest> { await RawRequest.SendAsync(desk.Port, key, body) };
            var deadline = DateTime.UtcNow.AddSeconds(20);
            string? answer = null;
            while (answer is null && DateTime.UtcNow < deadline)
            {
                var again = await RawRequest.SendAsync(desk.Port, key, body);
                answer = await again.AnswerWithinAsync(TimeSpan.FromSeconds(2));
                if (answer is null) unanswered.Add(again); // this try is the one the desk runs (the first lost the race to it)
                else again.Dispose();
            }
            Assert.True(answer?.Contains("Request in progress") == true, $"the desk never had the request in hand: {answer}\n{desk.OutputTail}");

            foreach (var request in unanswered) request.Reset(); // the client is gone before any answer
            holdsTheLock.Rollback();
        }

        var retry = await RetryAsync(admin, key, body);
        await retry.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var answered = (await retry.Content.ReadFromJsonAsync<JsonElement>()).Id();
        Assert.Equal([answered], await ClaimsWithAsync(admin, token));
        Assert.Equal($"/api/v1/claims/{answered}", retry.Headers.Location?.ToString());
    }

    /// <summary>One request written whole on a raw socket, which can then be reset instead of closed.</summary>
    private sealed class RawRequest(Socket socket) : IDisposable
    {
        public static async Task<RawRequest> SendAsync(int port, string key, string body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = $"POST /api/v1/claims HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {ClaimDeskApiFactory.AdminKey}\r\n" +
                       $"Content-Type: application/json\r\nContent-Length: {bytes.Length}\r\nIdempotency-Key: {key}\r\n\r\n";
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, port);
            await socket.SendAsync(Encoding.ASCII.GetBytes(head).Concat(bytes).ToArray());
            return new RawRequest(socket);
        }

        /// <summary>The answer's text once it has come in full, or null when none started within <paramref name="wait"/>.</summary>
        public async Task<string?> AnswerWithinAsync(TimeSpan wait)
        {
            var text = new StringBuilder();
            var buffer = new byte[4096];
            using var timeout = new CancellationTokenSource(wait);
            try
            {
                // Problem details come chunked: the answer is whole at the last chunk.
                while (!text.ToString().EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await socket.ReceiveAsync(buffer, timeout.Token);
                    if (read == 0) break;
                    text.Append(Encoding.UTF8.GetString(buffer, 0, read));
                }
            }
            catch (OperationCanceledException) when (text.Length == 0)
            {
                return null;
            }
            return text.ToString();
        }

        public void Reset()
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }

        public void Dispose() => socket.Dispose();
    }

    private static HttpRequestMessage Post(string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>The client's retry: same key, same body; "in progress" means the first is still running, so it asks again shortly.</summary>
    private static async Task<HttpResponseMessage> RetryAsync(HttpClient client, string key, string body)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await client.SendAsync(Post(key, body));
            if (response.StatusCode != HttpStatusCode.Conflict || DateTime.UtcNow > deadline) return response;
            await Task.Delay(100);
        }
    }

    private static async Task<List<long>> ClaimsWithAsync(HttpClient client, string token)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/claims?q={token}&pageSize=10");
        return page.GetProperty("items").EnumerateArray().Select(c => c.Id()).ToList();
    }
}
