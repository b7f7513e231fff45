using ClaimDesk.Core.Features.Outlets;
using ClaimDesk.Core.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClaimDesk.Api.Endpoints;

public sealed record RegisterOutletRequest(string? Name, string? Domain, string? OwnerGroup);

public static class OutletEndpoints
{
    public static RouteGroupBuilder MapOutletEndpoints(this RouteGroupBuilder api)
    {
        var outlets = api.MapGroup("/outlets").WithTags("Outlets");

        outlets.MapPost("/", (RegisterOutletRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new RegisterOutlet(body.Name!, body.Domain, body.OwnerGroup), Registered, ct))
            .RequireAuthorization(RolePermissions.Register)
            .WithName("RegisterOutlet")
            .WithSummary("Register an outlet (201), or change an existing one's domain or owner group (200; editor or admin)")
            .WithDescription("Outlets of one owner group are not independent of each other when evidence is judged. A field left out is kept; "
                             + "an empty string clears it. Changing an existing outlet needs an editor or admin (403 otherwise); every change is in its history.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        outlets.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListOutlets(), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("ListOutlets")
            .WithSummary("All outlets");

        outlets.MapGet("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetOutlet(id), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("GetOutlet")
            .WithSummary("One outlet")
            .ProducesProblem(StatusCodes.Status404NotFound);

        outlets.MapGet("/{id:long}/history", async (long id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOutletHistory(id), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("GetOutletHistory")
            .WithSummary("The outlet's audit log: who registered it and every change of its domain or owner group, with before and after")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static Results<Created<OutletView>, Ok<OutletView>> Registered(OutletRegistration registration) =>
        registration.Created
            ? TypedResults.Created($"/api/v1/outlets/{registration.Outlet.Id}", registration.Outlet)
            : TypedResults.Ok(registration.Outlet);
}
