using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;

namespace ClaimDesk.WebConsole.Pages.Claims;

/// <summary>An audit-log event in words: what happened, and the note or rationale that came with it.</summary>
public sealed record HistoryEntry(ClaimEventView Event, string What, string? Note)
{
    public static HistoryEntry Of(ClaimEventView e)
    {
        var before = Parse(e.Before);
        var after = Parse(e.After);
        var detail = Parse(e.Detail);
        return e.Type switch
        {
            ClaimEventTypes.Registered => new(e, "registered the claim", null),
            ClaimEventTypes.Transition => new(e,
                $"moved it from {Words(Get(before, "status"))} to {Words(Get(after, "status"))}",
                Get(after, "rationale") ?? Get(detail, "note")),
            ClaimEventTypes.Assignment => new(e, Get(after, "assignee") is { } to
                ? $"assigned it to {to}" + (Get(before, "assignee") is { } from ? $" (was {from})" : "")
                : $"unassigned it (was {Get(before, "assignee") ?? "nobody"})", null),
            ClaimEventTypes.Comment => new(e, "commented", Get(after, "text")),
            ClaimEventTypes.EvidenceAdded => new(e, Get(after, "url") is { } url
                ? $"cited {url} as {Get(after, "stance") ?? "evidence"}"
                : FoundEvidence(after), null),
            ClaimEventTypes.EvidenceAccepted => new(e, $"accepted evidence {Get(detail, "evidenceId")} ({Get(detail, "stance")})", Get(after, "note")),
            ClaimEventTypes.EvidenceRejected => new(e, $"rejected evidence {Get(detail, "evidenceId")} ({Get(detail, "stance")})", Get(after, "note")),
            ClaimEventTypes.NewEvidenceAfterVerdict => new(e, $"flagged new evidence after the verdict ({Get(detail, "added")} added)", null),
            ClaimEventTypes.CorroborationRequested => new(e, "asked the desk to gather evidence again", null),
            ClaimEventTypes.VerdictProposed => new(e,
                $"proposed the verdict {Words(Get(after, "verdict"))}, for an editor to approve", Get(after, "rationale")),
            ClaimEventTypes.VerdictSentBack => new(e,
                $"sent back the proposed verdict {Words(Get(before, "verdict"))}" +
                (Get(before, "proposedBy") is { } proposer ? $" of {proposer}" : ""), Get(detail, "note")),
            ClaimEventTypes.ReviewWithdrawn => new(e,
                $"withdrew the published ClaimReview ({Words(Get(detail, "verdict"))})", Get(detail, "reason")),
            ClaimEventTypes.Edited => new(e, Edited(before, after), null),
            _ => new(e, e.Type, e.After?.ToJsonString()),
        };
    }

    /// <summary>A correction of the claim: each field that changed, from what to what.</summary>
    private static string Edited(JsonElement? before, JsonElement? after)
    {
        var changes = new[] { "text", "claimant", "kind" }
            .Where(field => after is { } a && a.TryGetProperty(field, out _))
            .Select(field => $"{field} from “{Get(before, field) ?? "none"}” to “{Get(after, field) ?? "none"}”")
            .ToList();
        return changes.Count == 0 ? "edited the claim" : "corrected the " + string.Join(", the ", changes);
    }

    /// <summary>One gathering or matching run: how many articles it added, naming them when there are few.</summary>
    private static string FoundEvidence(JsonElement? after)
    {
        if (after is not { } a || !a.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            return "found evidence";
        var found = items.EnumerateArray()
            .Select(i => $"{Get(i, "articleTitle")} ({Get(i, "outletName")}, {Get(i, "stance")})").ToList();
        var how = Get(after, "run") == "matching" ? "matched a new article" : "gathered evidence";
        return found.Count switch
        {
            0 => $"{how}: nothing new",
            <= 3 => $"{how}: {string.Join("; ", found)}",
            _ => $"{how}: {found.Count} articles, among them {string.Join("; ", found.Take(3))}",
        };
    }

    private static JsonElement? Parse(JsonObject? value) => value is null ? null : JsonSerializer.SerializeToElement(value);

    private static string? Get(JsonElement? element, string property) =>
        element is { } e && e.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static string Words(string? status) =>
        status is not null && Enum.TryParse<ClaimStatus>(status, ignoreCase: true, out var parsed) ? Infrastructure.Display.Words(parsed) : status ?? "?";
}
