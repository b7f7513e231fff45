using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Client;
using ClaimDesk.Client.Models;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;

namespace ClaimDesk.Api.Tests.Contract;

/// <summary>The desk on a real loopback port, for clients that open their own connections (the generated client).</summary>
public sealed class KestrelDesk : ClaimDeskApiFactory
{
    public KestrelDesk()
    {
        UseKestrel(0);
        StartServer();
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

/// <summary>
/// The README walk-through, through the client Kiota generates from docs/openapi/v1.json at build time: what an integrator
/// gets from the contract, on a desk reached over a socket.
/// </summary>
[Collection(RestartCollection.Name)]
public sealed class KiotaClientTests
{
    [Fact]
    public async Task The_readme_walkthrough_runs_through_the_generated_client()
    {
        await using var desk = new KestrelDesk();
        // Kiota's key providers insist on https; a desk on loopback is plain http, so the key rides on the HttpClient itself.
        using var http = KiotaClientFactory.Create();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClaimDeskApiFactory.AdminKey);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = desk.Address.ToString().TrimEnd('/') };
        // The ClaimReview is JSON-LD: read it with the JSON reader.
        ParseNodeFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.TryAdd(JsonLdParseNodeFactory.ContentType, new JsonLdParseNodeFactory());
        var client = new ClaimDeskClient(adapter);

        // Register an article and the claim it makes.
        var story = Stories.Unique();
        var article = await client.Api.V1.Articles.PostAsync(new RegisterArticleRequest
        {
            Title = "A council story told for the generated client", Text = story.Article, Outlet = "Client Outlet", Language = "en",
        });
        Assert.NotNull(article?.Id);
        var claim = await client.Api.V1.Claims.PostAsync(new RegisterClaimRequest { ArticleId = article.Id, Text = story.Claim },
            config => config.Headers.Add("Idempotency-Key", "client-walkthrough-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(ClaimStatus.Registered, claim!.Status);

        // Wait for review: the corroboration job moves it through gathering to needsReview.
        var ready = await Eventually.SignalAsync(() => client.Api.V1.Claims[claim.Id!.Value].GetAsync(),
            c => c?.Status == ClaimStatus.NeedsReview, "the claim reaching needsReview", seconds: 60);
        var evidence = await client.Api.V1.Claims[claim.Id!.Value].Evidence.GetAsync();
        Assert.NotNull(evidence?.Items);
        var queue = await client.Api.V1.Claims.GetAsync(config =>
        {
            config.QueryParameters.Status = [Client.Api.V1.Claims.GetStatusQueryParameterType.NeedsReview];
            config.QueryParameters.Sort = Client.Api.V1.Claims.GetSortQueryParameterType.CheckWorthiness;
        });
        Assert.Contains(queue!.Items!, c => c.Id == claim.Id);

        // Move it with If-Match, then rule it.
        var inReview = await client.Api.V1.Claims[claim.Id!.Value].Transitions.PostAsync(new TransitionRequest { To = ClaimStatus.InReview },
            config => config.Headers.Add("If-Match", ready!.Etag!));
        Assert.Equal(ClaimStatus.InReview, inReview!.Status);
        var ruled = await client.Api.V1.Claims[claim.Id!.Value].Transitions.PostAsync(new TransitionRequest
        {
            To = ClaimStatus.Editorializing, Rationale = "The outlet's own aside, not a reported fact; nothing corroborates it.",
        }, config => config.Headers.Add("If-Match", inReview.Etag!));
        Assert.Equal(ClaimStatus.Editorializing, ruled!.Verdict);

        // A stale ETag is a typed problem the client can branch on.
        var stale = await Assert.ThrowsAsync<ProblemDocument>(() => client.Api.V1.Claims[claim.Id!.Value].Transitions.PostAsync(
            new TransitionRequest { To = ClaimStatus.InReview }, config => config.Headers.Add("If-Match", ready!.Etag!)));
        Assert.Equal(ProblemDocument_code.StaleEtag, stale.Code);
        Assert.Equal(ruled.Etag, stale.CurrentETag);

        // The audit log and the ClaimReview.
        var history = await client.Api.V1.Claims[claim.Id!.Value].History.GetAsync();
        Assert.Equal(["registered", "transition", "transition", "transition", "transition"], history!.Items!.Select(e => e.Type));
        var review = await client.Api.V1.Claims[claim.Id!.Value].Claimreview.GetAsync();
        Assert.Equal("ClaimReview", review!.Type);
        Assert.Equal(story.Claim, review.ClaimReviewed);
        // editorializing has words, not a place between false and true; the outlet speaking in its own voice is the claim's author.
        Assert.Null(review.ReviewRating!.RatingValue);
        Assert.Equal("Organization", review.ItemReviewed!.Author!.Type);

        // The JSON-LD the handler builds is exactly what the document's ClaimReviewJsonLd describes: no field more, none missing.
        var strict = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
        };
        var raw = await http.GetStringAsync(new Uri(desk.Address, $"/api/v1/claims/{claim.Id}/claimreview"));
        var document = System.Text.Json.JsonSerializer.Deserialize<ClaimDesk.Api.Contract.ClaimReviewJsonLd>(raw, strict)!;
        Assert.Equal("https://schema.org", document.Context);
        Assert.Equal(review.ReviewRating.AlternateName, document.ReviewRating.AlternateName);
    }
}

/// <summary>JSON-LD is JSON: Kiota's JSON reader, registered for application/ld+json (it only answers to application/json itself).</summary>
internal sealed class JsonLdParseNodeFactory : IParseNodeFactory
{
    public const string ContentType = "application/ld+json";
    private readonly JsonParseNodeFactory _json = new();

    public string ValidContentType => ContentType;

    public Task<IParseNode> GetRootParseNodeAsync(string contentType, Stream content, CancellationToken cancellationToken = default) =>
        _json.GetRootParseNodeAsync(_json.ValidContentType, content, cancellationToken);
}
