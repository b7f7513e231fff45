using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimDesk.Api.Tests.Docs;

[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task The_document_describes_every_api_endpoint_with_its_errors_and_the_key_scheme()
    {
        var document = JsonDocument.Parse(await desk.Anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => (Method: op.Name.ToUpperInvariant(), Path: p.Name, Operation: op.Value)))
            .ToList();
        var routes = desk.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m =>
                (Method: m, Path: Normalize(e.RoutePattern.RawText!), TakesBody: e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is not null)))
            .ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var operation = documented.SingleOrDefault(d => d.Method == route.Method && d.Path == route.Path);
            Assert.True(operation.Path is not null, $"{route.Method} {route.Path} is not documented");
            if (route.TakesBody) Assert.True(operation.Operation.TryGetProperty("requestBody", out _), $"{route.Method} {route.Path} documents no body");
        }

        foreach (var (method, path, operation) in documented)
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _), $"{method} {path} documents no 401");
            Assert.True(operation.TryGetProperty("summary", out _), $"{method} {path} has no summary");
        }
        var transitions = documented.Single(d => d.Method == "POST" && d.Path == "/api/v1/claims/{id}/transitions").Operation.GetProperty("responses");
        foreach (var status in new[] { "200", "400", "403", "404", "409", "412", "428" })
            Assert.True(transitions.TryGetProperty(status, out _), $"transitions documents no {status}");
    }

    [Fact]
    public async Task The_webhooks_section_describes_each_events_payload_and_the_history_each_kind_of_change()
    {
        var document = JsonDocument.Parse(await desk.Anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var webhooks = document.GetProperty("webhooks");
        JsonElement DataOf(string eventType) => webhooks.GetProperty(eventType).GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("properties").GetProperty("data").GetProperty("properties");
        foreach (var eventType in ClaimDesk.Core.Domain.WebhookEvents.All)
            Assert.True(DataOf(eventType).TryGetProperty("sequence", out _), $"{eventType} documents no sequence");
        var item = DataOf("claim.evidence_added").GetProperty("items").GetProperty("items").GetProperty("properties");
        foreach (var field in new[] { "evidenceId", "decisionUrl", "article", "outlet", "stance" })
            Assert.True(item.TryGetProperty(field, out _), $"evidence_added items document no {field}");
        foreach (var field in new[] { "verdict", "rationale", "claimReviewUrl" })
            Assert.True(DataOf("claim.verdict_published").TryGetProperty(field, out _), $"verdict_published documents no {field}");
        Assert.True(DataOf("webhook.ping").TryGetProperty("subscriptionId", out _));

        var kinds = document.GetProperty("components").GetProperty("schemas").GetProperty("ClaimEventView").GetProperty("properties")
            .GetProperty("type").GetProperty("description").GetString()!;
        foreach (var kind in new[] { "registered:", "transition:", "reviewWithdrawn:", "edited:", "verdictProposed:", "evidenceAdded:" })
            Assert.Contains(kind, kinds);
    }

    /// <summary>"/api/v1/claims/{id:long}" → "/api/v1/claims/{id}", as OpenAPI writes it.</summary>
    private static string Normalize(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.TrimEnd('/'), @"\{(\w+):[^}]+\}", "{$1}");
}
