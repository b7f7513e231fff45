using ClaimDesk.Api.Infrastructure;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Imports;
using ClaimDesk.Core.Security;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Api.Endpoints;

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
            .Accepts<ImportedArticle>(ImportUpload.ContentTypes[0])
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
