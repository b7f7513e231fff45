using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using static ClaimDesk.WebConsole.Infrastructure.Display;

namespace ClaimDesk.WebConsole.Pages.Claims;

/// <summary>An audit-log event in words: what happened, and the note or rationale that came with it.</summary>
public sealed record HistoryEntry(ClaimEventView Event, string What, string? Note)
{
    /// <summary>
    /// Words the entry by the type of its change. Every kind the log stores has words here (HistoryWordingTests checks the
    /// list against ClaimChange's derived types); only an old entry that fits no kind shows its raw type.
    /// </summary>
    public static HistoryEntry Of(ClaimEventView e) => e.Change switch
    {
        ClaimRegistered => new(e, "registered the claim", null),
        StatusChanged move => new(e, $"moved it from {Words(move.From)} to {Words(move.To)}", move.After.Rationale ?? move.Detail?.Note),
        ClaimAssigned assigned => new(e, Assignment(assigned), null),
        CommentAdded comment => new(e, "commented", comment.After.Text),
        EvidenceAdded found => new(e, FoundEvidence(found.After), null),
        SourceCited cited => new(e, $"cited {cited.After.Url} as {Words(cited.After.Stance)}", null),
        EvidenceAccepted accepted => new(e, $"accepted evidence {accepted.Detail.EvidenceId} ({Words(accepted.Detail.Stance)})", accepted.After.Note),
        EvidenceRejected rejected => new(e, $"rejected evidence {rejected.Detail.EvidenceId} ({Words(rejected.Detail.Stance)})", rejected.After.Note),
        NewEvidenceAfterVerdict flagged => new(e, $"flagged new evidence after the verdict ({flagged.Detail.Added} added)", null),
        CorroborationRequested => new(e, "asked the desk to gather evidence again", null),
        VerdictProposed proposed => new(e, $"proposed the verdict {Words(proposed.After.Verdict)}, for an editor to approve", proposed.After.Rationale),
        VerdictSentBack sentBack => new(e,
            sentBack.Before is { } proposal ? $"sent back the proposed verdict {Words(proposal.Verdict)} of {proposal.ProposedBy}" : "sent back the proposed verdict",
            sentBack.Detail.Note),
        VerdictWithdrawn withdrawn => new(e, $"withdrew the published ClaimReview ({Words(withdrawn.Detail.Verdict)})", withdrawn.Detail.Reason),
        ClaimEdited edited => new(e, Edited(edited), null),
        // An entry from before the typed log that fits no kind: its type and what it stored, as they were.
        _ => new(e, e.Type, e.After?.ToJsonString()),
    };

    private static string Assignment(ClaimAssigned assigned) => assigned.After.Assignee is { } to
        ? $"assigned it to {to}" + (assigned.Before.Assignee is { } from ? $" (was {from})" : "")
        : $"unassigned it (was {assigned.Before.Assignee ?? "nobody"})";

    /// <summary>A correction of the claim: each field that changed, from what to what.</summary>
    private static string Edited(ClaimEdited edited)
    {
        var changes = new List<string>();
        if (edited.After.Text is { } text) changes.Add(FromTo("text", edited.Before.Text?.Value, text.Value));
        if (edited.After.Claimant is { } claimant) changes.Add(FromTo("claimant", edited.Before.Claimant?.Value, claimant.Value));
        if (edited.After.Kind is { } kind) changes.Add(FromTo("kind", Camel(edited.Before.Kind?.Value), Camel(kind.Value)));
        return changes.Count == 0 ? "edited the claim" : "corrected the " + string.Join(", the ", changes);
    }

    private static string FromTo(string field, string? before, string? after) => $"{field} from “{before ?? "none"}” to “{after ?? "none"}”";

    private static string? Camel<T>(T? value) where T : struct, Enum => value is { } v ? Infrastructure.Display.Camel(v) : null;

    /// <summary>One gathering or matching run: how many articles it added, naming them when there are few.</summary>
    private static string FoundEvidence(EvidenceAddedPayload run)
    {
        var found = run.Items.Select(i => $"{i.ArticleTitle} ({i.OutletName}, {Words(i.Stance)})").ToList();
        var how = run.Run == GatheringKind.Matching ? "matched a new article" : "gathered evidence";
        return found.Count switch
        {
            0 => $"{how}: nothing new",
            <= 3 => $"{how}: {string.Join("; ", found)}",
            _ => $"{how}: {found.Count} articles, among them {string.Join("; ", found.Take(3))}",
        };
    }
}
