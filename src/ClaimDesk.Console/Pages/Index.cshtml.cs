using ClaimDesk.Analysis;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Features.Review;
using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ClaimDesk.WebConsole.Pages;

/// <summary>
/// The work queue: claims needing review, most check-worthy first, filtered, paged, counted per status. Without filters it
/// is the desk's queue as the README defines it — unassigned claims needing review — which the work-queue index serves.
/// </summary>
public sealed class IndexModel : ConsolePage
{
    public const string AnyStatus = "any";
    public const string Anyone = "anyone";
    public const string Unassigned = "unassigned";
    public const string Mine = "me";

    [BindProperty(SupportsGet = true, Name = "status")] public string? StatusFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "assignee")] public string? AssigneeFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? KindFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "outlet")] public string? OutletFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? TextFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "new")] public bool NewEvidenceOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? SortFilter { get; set; }
    // Not "page": Razor Pages keeps that route value for itself.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public WorkQueue Queue { get; private set; } = null!;
    public ListClaims Filter { get; private set; } = new();
    /// <summary>The claim a "take it" was refused for because it changed since the queue was shown.</summary>
    public long? StaleClaim { get; private set; }

    public override string Title => "Work queue";

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    /// <summary>"Take it": assign the claim to oneself, with the version the queue showed, then open it.</summary>
    [Permission(RolePermissions.Assign)]
    public Task<IActionResult> OnPostTakeAsync(long claimId, int version)
    {
        StaleClaim = claimId;
        return ChangeAsync(async ct =>
        {
            await Mediator.Send(new AssignClaim(claimId, Me.Name, version), ct);
            return $"You took claim {claimId}.";
        }, then: () => $"/console/claims/{claimId}");
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Filter = BuildFilter();
        Queue = await Mediator.Send(new GetWorkQueue(Filter), ct);
    }

    /// <summary>The page's query string as a ListClaims; values the desk does not know are dropped and said so.</summary>
    private ListClaims BuildFilter()
    {
        var problems = new List<string>();
        ClaimStatus? status = ClaimStatus.NeedsReview;
        if (StatusFilter is { Length: > 0 } s)
            status = s == AnyStatus ? null : Parse<ClaimStatus>(s, "status", problems) ?? ClaimStatus.NeedsReview;
        var kind = KindFilter is { Length: > 0 } k ? Parse<ClaimKind>(k, "kind", problems) : null;
        var sort = SortFilter is { Length: > 0 } o ? Parse<ClaimSort>(o, "sort", problems) ?? ClaimSort.CheckWorthiness : ClaimSort.CheckWorthiness;
        var who = string.IsNullOrWhiteSpace(AssigneeFilter) ? Unassigned : AssigneeFilter.Trim();
        var assignee = who switch
        {
            Anyone or Unassigned => null,
            Mine => Me.Name,
            var name => name.Length > 200 ? name[..200] : name,
        };
        if (problems.Count > 0) ProblemsFromFilter = problems;
        return new ListClaims(
            Status: status is { } one ? [one] : null,
            Assignee: assignee,
            Unassigned: who == Unassigned ? true : null,
            Kind: kind is { } k1 ? [k1] : null,
            Outlet: Limit(OutletFilter),
            Q: Limit(TextFilter),
            HasNewEvidence: NewEvidenceOnly ? true : null,
            Sort: sort,
            Page: Math.Clamp(PageNumber, 1, 100_000),
            PageSize: Paging.DefaultPageSize);
    }

    public IReadOnlyList<string> ProblemsFromFilter { get; private set; } = [];

    /// <summary>The one status the queue shows (the console filters by one at a time), or null for any.</summary>
    public ClaimStatus? SelectedStatus => Filter.Status is [var status] ? status : null;

    /// <summary>The one kind the queue shows, or null for any.</summary>
    public ClaimKind? SelectedKind => Filter.Kind is [var kind] ? kind : null;

    private static string? Limit(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Length > 200 ? value.Trim()[..200] : value.Trim();

    private static T? Parse<T>(string value, string field, List<string> problems) where T : struct, Enum
    {
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)) return parsed;
        problems.Add($"'{(value.Length > 40 ? value[..40] + "…" : value)}' is not a {field}; it was left out.");
        return null;
    }

    /// <summary>A link to this queue with one filter changed (and back to its first page).</summary>
    public string With(string? status = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = status ?? StatusFilter,
            ["assignee"] = AssigneeFilter,
            ["kind"] = KindFilter,
            ["outlet"] = OutletFilter,
            ["q"] = TextFilter,
            ["new"] = NewEvidenceOnly ? "true" : null,
            ["sort"] = SortFilter,
            ["p"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        var parts = query.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}");
        var qs = string.Join('&', parts);
        return "/console" + (qs.Length > 0 ? "?" + qs : "");
    }

    /// <summary>The assignee filter as chosen; no choice is the desk's queue of unassigned claims.</summary>
    public string AssigneeChoice => string.IsNullOrWhiteSpace(AssigneeFilter) ? Unassigned : AssigneeFilter.Trim();

    public bool CanTake(ClaimListItem claim) => Me.May(RolePermissions.Assign) && claim.Assignee is null && claim.Status.IsOpen();
}
