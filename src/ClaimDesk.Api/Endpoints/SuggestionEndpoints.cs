using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Suggestions;
using ClaimDesk.Core.Security;
using Mediator;

namespace ClaimDesk.Api.Endpoints;

public static class SuggestionEndpoints
{
    public static RouteGroupBuilder MapSuggestionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/articles/{id:long}/claim-suggestions", async (long id, double? minCheckWorthiness, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetClaimSuggestions(id, minCheckWorthiness ?? 0, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithTags("Articles")
            .WithName("GetClaimSuggestions")
            .WithSummary("Sentences of the article worth checking, most check-worthy first, with kind, claimant and the signals that decided them")
            .WithDescription("Computed by a job at registration; 202 with Retry-After and no body while that job has not run yet.")
            .Produces(StatusCodes.Status202Accepted)
            .WithMetadata(Contract.RetryLaterMetadata.Instance)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
