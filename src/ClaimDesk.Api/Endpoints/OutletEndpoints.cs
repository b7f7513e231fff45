using ClaimDesk.Api.Contract;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Outlets;
using ClaimDesk.Core.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClaimDesk.Api.Endpoints;

/// <summary>An outlet by name; a domain or owner group left out is kept, "" clears it.</summary>
public sealed record RegisterOutletRequest(string Name, string? Domain = null, string? OwnerGroup = null) : IRequestBody<RegisterOutletRequest>
{
    public static RegisterOutletRequest Example => new("Harbour Gazette", "harbour-gazette.example", "Coastal Media Group");
}

public static class OutletEndpoints
{
    public static RouteGroupBuilder MapOutletEndpoints(this RouteGroupBuilder api)
    {
        var outlets = api.MapGroup("/outlets").WithTags("Outlets");

        outlets.MapPost("/", (RegisterOutletRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.AnswerAsync(http, new RegisterOutlet(body.Name, body.Domain, body.OwnerGroup), Registered, ct))
            .RequireAuthorization(RolePermissions.Register)
            .WithName("RegisterOutlet")
            .WithSummary("Register an outlet (201), or change an existing one's domain or owner group (200; editor or admin)")
            .WithDescription("Outlets of one owner group are not independent of each other when evidence is judged. A field left out is kept; "
                             + "an empty string clears it. Changing an existing outlet needs an editor or admin (403 otherwise); every change is in its history.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        outlets.MapGet("/", async (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOutlets(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("ListOutlets")
            .WithSummary("Outlets, by name");

        outlets.MapGet("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetOutlet(id), ct)))
            .RequireAuthorization(RolePermissions.Read)
            .WithName("GetOutlet")
            .WithSummary("One outlet")
            .ProducesProblem(StatusCodes.Status404NotFound);

        outlets.MapGet("/{id:long}/history", async (long id, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOutletHistory(id, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
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
