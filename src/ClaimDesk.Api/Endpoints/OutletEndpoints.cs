using ClaimDesk.Core.Features.Outlets;
using ClaimDesk.Core.Security;
using Mediator;

namespace ClaimDesk.Api.Endpoints;

public sealed record RegisterOutletRequest(string? Name, string? Domain, string? OwnerGroup);

public static class OutletEndpoints
{
    public static RouteGroupBuilder MapOutletEndpoints(this RouteGroupBuilder api)
    {
        var outlets = api.MapGroup("/outlets").WithTags("Outlets");

        outlets.MapPost("/", (RegisterOutletRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new RegisterOutlet(body.Name!, body.Domain, body.OwnerGroup), outlet => TypedResults.Ok(outlet), ct))
            .RequireAuthorization(RolePermissions.Register)
            .WithName("RegisterOutlet")
            .WithSummary("Create or update an outlet (domain, owner group)")
            .WithDescription("Outlets of one owner group are not independent of each other when evidence is judged.")
            .ProducesValidationProblem();

        outlets.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListOutlets(), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("ListOutlets")
            .WithSummary("All outlets");

        return api;
    }
}
