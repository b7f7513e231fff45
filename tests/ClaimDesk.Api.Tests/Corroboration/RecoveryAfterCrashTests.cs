using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Corroboration;

[Collection(RestartCollection.Name)]
public sealed class RecoveryAfterCrashTests
{
    [Fact]
    public async Task Claims_whose_jobs_died_with_the_process_still_end_with_their_evidence_after_a_restart()
    {
        var directory = RestartableDesk.NewDirectory();
        var claimIds = new List<long>();
        long articleId;
        try
        {
            // A process that queues work in memory and dies before running any of it.
            await using (var doomed = new RestartableDesk(directory, role: "api"))
            {
                var article = await doomed.Admin.RegisterOwnArticleAsync();
                articleId = article.Id();
                for (var i = 0; i < 5; i++)
                    claimIds.Add((await doomed.Admin.RegisterClaimAsync(articleId, $"The council approved budget line {i}.")).Id());
                var (stuck, _) = await doomed.Admin.GetClaimAsync(claimIds[0]);
                Assert.Equal("registered", stuck.GetProperty("status").GetString());
            }

            // The same database, a new process: the start-up sweep finds the work and the workers do it.
            await using var restarted = new RestartableDesk(directory, role: "all");
            foreach (var id in claimIds) await restarted.Admin.WaitForStatusAsync(id, "needsReview");
            var article2 = await restarted.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{articleId}");
            Assert.Equal("indexed", article2.GetProperty("state").GetString());
            var suggestions = await restarted.Admin.GetAsync($"/api/v1/articles/{articleId}/claim-suggestions");
            Assert.Equal(System.Net.HttpStatusCode.OK, suggestions.StatusCode);
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_process_stopped_in_the_middle_of_a_batch_leaves_no_claim_without_its_evidence()
    {
        var directory = RestartableDesk.NewDirectory();
        var claimIds = new List<long>();
        try
        {
            // Workers running: some claims are gathered, some are mid-gathering, some still queued when the process stops.
            await using (var stopped = new RestartableDesk(directory, role: "all"))
            {
                var article = await stopped.Admin.RegisterOwnArticleAsync();
                for (var i = 0; i < 12; i++)
                    claimIds.Add((await stopped.Admin.RegisterClaimAsync(article.Id(), $"The harbour council approved budget line {i}.")).Id());
            }

            await using var restarted = new RestartableDesk(directory, role: "all");
            foreach (var id in claimIds)
            {
                var (claim, _) = await restarted.Admin.WaitForStatusAsync(id, "needsReview");
                var history = await restarted.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/history");
                // Gathering finished exactly once for each claim, whichever process did it.
                Assert.Single(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString() == "transition"
                    && JsonDocument.Parse(e.GetProperty("after").AuditText()).RootElement.GetProperty("status").GetString() == "needsReview");
                Assert.Equal("needsReview", claim.GetProperty("status").GetString());
            }
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
