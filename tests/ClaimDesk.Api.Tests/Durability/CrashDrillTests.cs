using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClaimDesk.Api.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ClaimDesk.Api.Tests.Durability;

/// <summary>
/// The crash drill: the API in its own process takes keyed registrations from concurrent clients and is killed with
/// SIGKILL twice in the middle of them, then restarted on the same database; the clients retry whatever failed or got no
/// answer, with the same key and body, as a well-behaved integration does.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class CrashDrillTests(ITestOutputHelper output)
{
    private const int Registrations = 500;
    private const int Clients = 16;
    private static readonly int[] KillPoints = [150, 330];

    private sealed record Answer(HttpStatusCode Status, string Body, bool Replayed);

    [Fact]
    public async Task Killed_twice_under_500_keyed_registrations_the_desk_stores_each_once_replays_each_answer_and_sends_each_webhook()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var receiver = await LocalReceiver.StartAsync();
        await using var desk = await DeskProcess.StartAsync("all", [.. PrivateNetworkDesk.Settings, new("ClaimDesk:Jobs:WorkerCount", "4")]);
        using (var admin = desk.Client())
        {
            await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url("/hook").ToString(), events = new[] { "claim.registered" } }))
                .ShouldBe(HttpStatusCode.Created);
        }
        long articleId;
        using (var admin = desk.Client()) articleId = (await admin.RegisterOwnArticleAsync()).Id();

        var token = "drill" + Guid.NewGuid().ToString("N")[..10];
        var bodies = Enumerable.Range(0, Registrations)
            .Select(i => JsonSerializer.Serialize(new { articleId, text = $"The harbour board approved drill motion {i} ({token})." })).ToArray();
        var firstAnswers = new Answer?[Registrations];
        var tries = new int[Registrations];
        var unanswered = 0;
        var refused = new ConcurrentBag<string>();
        var replayedAfterFailure = 0;
        var answered = 0;
        var killPoints = KillPoints.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, Registrations));
        using var http = new HttpClient { BaseAddress = desk.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ClaimDeskApiFactory.AdminKey);

        async Task<Answer?> SendAsync(int i)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims") { Content = new StringContent(bodies[i], Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", $"{token}-{i}");
            try
            {
                using var response = await http.SendAsync(request);
                return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Contains("Idempotent-Replayed"));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return null; // no answer: the desk died under the request, or is not back yet
            }
        }

        async Task ClientAsync()
        {
            while (Volatile.Read(ref answered) < Registrations)
            {
                if (!queue.TryDequeue(out var i))
                {
                    await Task.Delay(10);
                    continue;
                }
                var retried = tries[i]++ > 0;
                var answer = await SendAsync(i);
                if (answer is not { Status: HttpStatusCode.Created })
                {
                    if (answer is null) Interlocked.Increment(ref unanswered);
                    else refused.Add($"{(int)answer.Status} {answer.Body}");
                    queue.Enqueue(i);
                    await Task.Delay(20);
                    continue;
                }
                if (retried && answer.Replayed) Interlocked.Increment(ref replayedAfterFailure);
                firstAnswers[i] = answer;
                var count = Interlocked.Increment(ref answered);
                for (var k = 0; k < KillPoints.Length; k++)
                    if (count == KillPoints[k]) killPoints[k].TrySetResult();
            }
        }

        async Task KillerAsync()
        {
            foreach (var point in killPoints)
            {
                await point.Task;
                // The worst moment: the database holds registrations whose answers have not reached their clients yet.
                await using (var db = new SqliteConnection($"Data Source={desk.DatabasePath}"))
                {
                    await db.OpenAsync();
                    await using var committed = db.CreateCommand();
                    committed.CommandText = "SELECT COUNT(*) FROM Claims WHERE Text LIKE $token";
                    committed.Parameters.AddWithValue("$token", $"%{token}%");
                    var deadline = DateTime.UtcNow.AddSeconds(10);
                    while (Convert.ToInt32(await committed.ExecuteScalarAsync()) <= Volatile.Read(ref answered) && DateTime.UtcNow < deadline) { }
                }
                await desk.RestartAsync(); // SIGKILL, then a new process on the same database and port
            }
        }

        output.WriteLine($"desk started and set up in {clock.Elapsed.TotalSeconds:0.0} s");
        var started = DateTime.UtcNow;
        var drill = Task.WhenAll([.. Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)), KillerAsync()]);
        Assert.True(await Task.WhenAny(drill, Task.Delay(TimeSpan.FromMinutes(3))) == drill, $"the drill did not finish: {answered} answered\n{desk.OutputTail}");
        await drill;
        output.WriteLine($"{Registrations} registrations answered in {(DateTime.UtcNow - started).TotalSeconds:0.0} s with 2 kills: " +
                         $"{unanswered} tries got no answer, {refused.Count} were refused, {replayedAfterFailure} retries replayed an answer committed before the failure");
        foreach (var reason in refused.Distinct().Take(5)) output.WriteLine($"  refused: {reason}");
        // A refusal is only ever "the same key is still running" (a retry racing its own first try on the same process).
        Assert.All(refused, r => Assert.StartsWith("409", r));

        // Every request once more, same key and body: each replays the answer its client got, byte for byte.
        var replays = await Task.WhenAll(Enumerable.Range(0, Registrations).Select(SendAsync));
        for (var i = 0; i < Registrations; i++)
        {
            Assert.Equal(HttpStatusCode.Created, replays[i]?.Status);
            Assert.True(replays[i]!.Replayed, $"registration {i} ran again instead of replaying");
            Assert.Equal(firstAnswers[i]!.Body, replays[i]!.Body);
        }

        output.WriteLine($"replayed every request by {clock.Elapsed.TotalSeconds:0.0} s");

        // Each claim stored exactly once, under the id its answer named.
        var stored = new List<JsonElement>();
        using (var admin = desk.Client())
            for (var page = 1; page <= 3; page++)
                stored.AddRange((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?q={token}&pageSize=200&page={page}&sort=oldest"))
                    .GetProperty("items").EnumerateArray());
        Assert.Equal(Registrations, stored.Count);
        Assert.Equal(Registrations, stored.Select(c => c.GetProperty("text").GetString()).Distinct().Count());
        var answeredIds = firstAnswers.Select(a => JsonDocument.Parse(a!.Body).RootElement.Id()).ToHashSet();
        Assert.Equal(answeredIds.Order(), stored.Select(c => c.Id()).Order());

        // Each committed claim's webhook went out; a repeat (at least once delivery) is the same message, same webhook-id.
        var received = await receiver.WaitForAsync(r => answeredIds.IsSubsetOf(ClaimIdsIn(r)), seconds: 90);
        var byClaim = received.Select(r => (Claim: ClaimIdOf(r.Body), Id: r.Headers["webhook-id"].ToString(), Type: TypeOf(r.Body)))
            .Where(r => r.Claim is not null).GroupBy(r => r.Claim!.Value).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(answeredIds.Order(), byClaim.Keys.Order());
        Assert.All(byClaim.Values, deliveries =>
        {
            Assert.All(deliveries, d => Assert.Equal("claim.registered", d.Type));
            Assert.Single(deliveries.Select(d => d.Id).Distinct());
        });
        output.WriteLine($"{received.Count} webhooks received for {byClaim.Count} claims by {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static HashSet<long> ClaimIdsIn(List<LocalReceiver.Received> received) =>
        received.Select(r => ClaimIdOf(r.Body)).OfType<long>().ToHashSet();

    private static long? ClaimIdOf(string body) => ClaimIdPattern().Match(body) is { Success: true } m ? long.Parse(m.Groups[1].Value) : null;

    private static string? TypeOf(string body) => JsonDocument.Parse(body).RootElement.GetProperty("type").GetString();

    [GeneratedRegex("\"claimId\":(\\d+),")]
    private static partial Regex ClaimIdPattern();
}
