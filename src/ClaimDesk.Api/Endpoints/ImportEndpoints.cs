using ClaimDesk.Analysis;
using ClaimDesk.Api.Contract;
using ClaimDesk.Api.Infrastructure;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Features.Imports;
using ClaimDesk.Core.Security;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Api.Endpoints;

/// <summary>
/// One line of an NDJSON import, as the document describes it: the fields of POST /articles and the claims the article
/// makes (the fields of POST /claims without articleId). Read as <see cref="ImportedArticle"/>, checked by the same rules.
/// </summary>
public sealed record ImportLine(
    string Title, string Text, string Outlet, string? Url = null, DateOnly? PublishedAt = null, string? Language = null,
    IReadOnlyList<ImportLineClaim>? Claims = null) : IRequestBody<ImportLine>
{
    public static ImportLine Example => new("Council approves harbour budget", "The harbour council approved the budget on Tuesday. …",
        "Harbour Gazette", "https://harbour-gazette.example/budget", new DateOnly(2026, 11, 24), "en",
        [new ImportLineClaim("The harbour council approved the budget on Tuesday.")]);
}

/// <summary>A claim the imported article makes (a request body of its own, so its optional kind is described like any other).</summary>
public sealed record ImportLineClaim(string Text, QuoteSpan? Quote = null, string? Claimant = null, ClaimKind? Kind = null)
    : IRequestBody<ImportLineClaim>
{
    public static ImportLineClaim Example => new("The harbour council approved the budget on Tuesday.", Kind: ClaimKind.Factual);
}

public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value;

        imports.MapPost("/", async Task<IResult> (HttpRequest request, IMediator mediator, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                if (!ImportUpload.IsNdjson(request.ContentType))
                    return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                        detail: $"Send the articles as NDJSON, one JSON object a line, with Content-Type {ImportUpload.ContentTypes[0]}.");
                var import = await ImportUpload.ReceiveAsync(request, mediator, json.Value.SerializerOptions, limits, ct);
                return TypedResults.Accepted($"/api/v1/imports/{import.Id}", import);
            })
            // One request for the whole archive: it is streamed into the database, never held whole in memory.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(limits.MaxBytes))
            .Accepts<ImportLine>(ImportUpload.ContentTypes[0])
            .RequireAuthorization(RolePermissions.Register)
            .WithName("StartImport")
            .WithSummary("Import articles in bulk: NDJSON, one article a line (202 + Location; processed by a job)")
            .WithDescription("Each line: { title, text, outlet, url?, publishedAt?, language?, claims?: [{ text, quote?, claimant?, kind? }] } — the fields of " +
                             "POST /articles and POST /claims, checked by the same rules. The same text or URL as an article held counts as a duplicate " +
                             "(that article; its claims are not registered again). A line that fails is reported with its number and reason; the rest go on. " +
                             $"Up to {limits.MaxLines:N0} lines and {limits.MaxBytes / 1024 / 1024} MB.")
            .Produces<ImportView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        imports.MapGet("/{id:long}", async (long id, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetImport(id, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(RolePermissions.Register)
            .WithName("GetImport")
            .WithSummary("An import's progress: state, counts, and its failed lines (line number and reason), paged")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
