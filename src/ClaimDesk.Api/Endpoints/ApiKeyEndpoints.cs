using ClaimDesk.Api.Contract;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.ApiKeys;
using ClaimDesk.Core.Security;
using Mediator;

namespace ClaimDesk.Api.Endpoints;

/// <summary>A key for a person or a tool: its name (who the audit log says acted) and role.</summary>
public sealed record CreateApiKeyRequest(string Name, Role? Role) : IRequestBody<CreateApiKeyRequest>
{
    public static CreateApiKeyRequest Example => new("maria.reviewer", Core.Domain.Role.Reviewer);
}

public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(RolePermissions.Admin);

        keys.MapPost("/", async (CreateApiKeyRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var role = body.Role ?? throw new FieldValidationException("role", "'role' is required: reader, reviewer, editor, integration or admin.");
                return await mediator.AnswerAsync(http, new CreateApiKey(body.Name, role),
                    created => TypedResults.Created($"/api/v1/api-keys/{created.Key.Id}", created), ct);
            })
            .WithName("CreateApiKey")
            .WithSummary("Issue an API key (admin); the secret is shown once")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        keys.MapGet("/", async (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListApiKeys(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListApiKeys")
            .WithSummary("All keys (admin), without secrets");

        keys.MapDelete("/{id:long}", async (long id, IMediator mediator, Infrastructure.ApiKeyCache cache, CancellationToken ct) =>
            {
                var revoked = await mediator.Send(new RevokeApiKey(id), ct);
                cache.Forget(id); // at once on this node; other nodes within the cache lifetime
                return TypedResults.Ok(revoked);
            })
            .WithName("RevokeApiKey")
            .WithSummary("Revoke a key (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
