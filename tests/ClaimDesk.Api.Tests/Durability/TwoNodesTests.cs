using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClaimDesk.Api.Tests.Durability;

[Collection(RestartCollection.Name)]
public sealed class TwoNodesTests
{
    /// <summary>
    /// A client whose first try went to one node and whose retry went to another while the first still ran. Nothing marks
    /// a key as taken across nodes, so both run; the key's unique index lets one commit, and the other answers with it.
    /// Another writer holds SQLite's write lock until each node has its try in hand ("in progress" to the same key there).
    /// </summary>
    [Fact]
    public async Task Two_nodes_running_one_key_at_once_commit_it_once_and_both_answer_with_that_commit()
    {
        var directory = RestartableDesk.NewDirectory();
        try
        {
            await using var first = new RestartableDesk(directory, "api");
            var article = await first.Admin.RegisterOwnArticleAsync();
            await using var second = new RestartableDesk(directory, "api");
            HttpClient[] nodes = [first.Admin, second.Admin];
            var token = "nodes" + Guid.NewGuid().ToString("N")[..12];
            var key = Guid.NewGuid().ToString();
            var body = JsonSerializer.Serialize(new { articleId = article.Id(), text = $"The harbour board approved motion {token}." });

            var tries = new List<Task<HttpResponseMessage>>();
            using (var writer = new SqliteConnection($"Data Source={first.DatabasePath}"))
            {
                await writer.OpenAsync();
                using var holdsTheLock = writer.BeginTransaction();
                foreach (var node in nodes)
                {
                    tries.Add(node.SendAsync(Post(key, body)));
                    var title = await Eventually.ReadUntilAsync(async () =>
                    {
                        // A try of our own may be the one that takes the key on this node: it joins the others.
                        var again = node.SendAsync(Post(key, body));
                        if (await Task.WhenAny(again, Task.Delay(TimeSpan.FromSeconds(2))) != again)
                        {
                            tries.Add(again);
                            return null;
                        }
                        var answer = await again;
                        return answer.StatusCode == HttpStatusCode.Conflict ? (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString() : $"{answer.StatusCode}";
                    }, t => t == "Request in progress", seconds: 20);
                    Assert.Equal("Request in progress", title);
                }
                holdsTheLock.Rollback();
            }

            var answers = new List<(HttpStatusCode Status, string Body)>();
            foreach (var response in await Task.WhenAll(tries)) answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            var registered = answers.Where(a => a.Status != HttpStatusCode.Conflict).ToList();
            Assert.True(registered.Count >= 2, string.Join("\n", answers));
            Assert.All(registered, a => Assert.Equal(HttpStatusCode.Created, a.Status));
            Assert.Single(registered.Select(a => a.Body).Distinct());
            var claimId = JsonDocument.Parse(registered[0].Body).RootElement.Id();

            foreach (var node in nodes)
            {
                var retry = await node.SendAsync(Post(key, body));
                await retry.ShouldBe(HttpStatusCode.Created);
                Assert.Equal(registered[0].Body, await retry.Content.ReadAsStringAsync());
            }
            var stored = await first.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?q={token}");
            Assert.Equal([claimId], stored.GetProperty("items").EnumerateArray().Select(c => c.Id()));
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static HttpRequestMessage Post(string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
