using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Api.Tests.Review;

/// <summary>Desks configured otherwise than the shared test desk: without a public address, and with their own rating scale.</summary>
[Collection(RestartCollection.Name)]
public sealed class ClaimReviewSettingsTests : IDisposable
{
    private readonly string _directory = RestartableDesk.NewDirectory();

    [Fact]
    public async Task Without_the_desks_public_address_export_is_a_409_naming_the_settings_and_the_start_warns()
    {
        await using var desk = new SettingsDesk(_directory, new("ClaimDesk:Desk:Url", ""), new("ClaimDesk:Desk:ClaimUrlTemplate", ""));
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), "The harbour bridge reopened in May.");

        foreach (var path in new[] { $"/api/v1/claims/{claim.Id()}/claimreview", "/api/v1/claimreviews" })
        {
            var response = await desk.Admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Contains("ClaimDesk:Desk:Url", problem.GetProperty("detail").GetString());
            Assert.Contains("ClaimDesk:Desk:ClaimUrlTemplate", problem.GetProperty("detail").GetString());
            Assert.Equal(2, problem.GetProperty("missingSettings").GetArrayLength());
        }
        Assert.Contains(desk.Logs, line => line.Contains("ClaimReviews cannot be exported", StringComparison.Ordinal)
                                           && line.Contains("ClaimDesk:Desk:Url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_localhost_address_is_not_a_public_address()
    {
        await using var desk = new SettingsDesk(_directory, new("ClaimDesk:Desk:Url", "http://localhost:5080"),
            new("ClaimDesk:Desk:ClaimUrlTemplate", "https://factcheck.example.org/claims/{id}"));
        var response = await desk.Admin.GetAsync("/api/v1/claimreviews");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Single(problem.GetProperty("missingSettings").EnumerateArray(), s => s.GetString()!.StartsWith("ClaimDesk:Desk:Url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_desk_publishes_on_its_own_rating_scale()
    {
        await using var desk = new SettingsDesk(_directory,
            new("ClaimDesk:Desk:Ratings:unverifiable:AlternateName", "Unproven"),
            new("ClaimDesk:Desk:Ratings:Verified:RatingValue", "7"),
            new("ClaimDesk:Desk:Ratings:Verified:BestRating", "7"),
            new("ClaimDesk:Desk:Ratings:Verified:WorstRating", "0"),
            new("ClaimDesk:Desk:Ratings:Verified:AlternateName", "Correct"));
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), "The harbour bridge reopened in May.");
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");
        await (await desk.Admin.TransitionFreshAsync(claim.Id(), new { to = "inReview" })).ShouldBe(HttpStatusCode.OK);
        await (await desk.Admin.TransitionFreshAsync(claim.Id(), new { to = "unverifiable", rationale = "No record either way." })).ShouldBe(HttpStatusCode.OK);

        var rating = JsonDocument.Parse(await desk.Admin.GetStringAsync($"/api/v1/claims/{claim.Id()}/claimreview")).RootElement.GetProperty("reviewRating");

        Assert.Equal("Unproven", rating.GetProperty("alternateName").GetString());
        Assert.False(rating.TryGetProperty("ratingValue", out _));
    }

    [Fact]
    public void A_rating_scale_that_cannot_be_published_stops_the_start_naming_the_setting()
    {
        using var desk = new SettingsDesk(_directory,
            new("ClaimDesk:Desk:Ratings:Verified:RatingValue", "9"),
            new("ClaimDesk:Desk:Ratings:Verified:BestRating", "5"),
            new("ClaimDesk:Desk:Ratings:Verified:WorstRating", "1"),
            new("ClaimDesk:Desk:Ratings:Verified:AlternateName", "True"),
            new("ClaimDesk:Desk:Ratings:halfTrue:AlternateName", "Half true"));
        var error = Assert.ThrowsAny<Exception>(() => desk.Server);
        Assert.Contains("ClaimDesk:Desk:Ratings:Verified", error.ToString());
        Assert.Contains("'halfTrue' is not a verdict", error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class SettingsDesk(string directory, params KeyValuePair<string, string>[] settings) : ClaimDeskApiFactory(directory)
    {
        public ConcurrentQueue<string> Logs { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(new PrivateNetworkDesk.CapturingLoggerProvider(Logs))));
        }
    }
}
