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
                : $"found evidence in article {Get(after, "articleId")} ({Get(after, "stance")})", null),
            ClaimEventTypes.EvidenceAccepted => new(e, $"accepted evidence {Get(detail, "evidenceId")} ({Get(detail, "stance")})", Get(after, "note")),
            ClaimEventTypes.EvidenceRejected => new(e, $"rejected evidence {Get(detail, "evidenceId")} ({Get(detail, "stance")})", Get(after, "note")),
            ClaimEventTypes.NewEvidenceAfterVerdict => new(e, $"flagged new evidence after the verdict ({Get(detail, "added")} added)", null),
            ClaimEventTypes.CorroborationRequested => new(e, "asked the desk to gather evidence again", null),
            _ => new(e, e.Type, e.After?.ToJsonString()),
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
