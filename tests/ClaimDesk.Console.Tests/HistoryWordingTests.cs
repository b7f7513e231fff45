using ClaimDesk.Analysis;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.WebConsole.Pages.Claims;

namespace ClaimDesk.Console.Tests;

/// <summary>
/// The claim page's timeline words every kind of change the audit log stores — read back from the stored JSON as the
/// page reads it — never falling back to the raw type and JSON.
/// </summary>
public sealed class HistoryWordingTests
{
    private static readonly DateTime At = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static readonly ProposalState Proposal = new(ClaimStatus.Disputed, "The ministry's own figures say otherwise.", null, "rita", At);

    public static TheoryData<string, ClaimChange, string, string?> Changes => new()
    {
        { "registered", new ClaimRegistered(new RegisteredClaim("Fares rose.", ClaimKind.Factual, null, new QuotedSpan(0, 11), ClaimStatus.Registered)), "registered the claim", null },
        { "verdict", new StatusChanged(new StatusBefore(ClaimStatus.InReview), new StatusAfter(ClaimStatus.Disputed, "Figures differ.")), "moved it from in review to disputed", "Figures differ." },
        { "assigned", new ClaimAssigned(new AssigneeState(null), new AssigneeState("rita")), "assigned it to rita", null },
        { "gathered", new EvidenceAdded(new EvidenceAddedPayload(GatheringKind.Gathering, 7,
            [new EvidenceAddedItem(11, 3, "Ferry fares up", 2, "Coast Ledger", Stance.Supports, 0.8, true)])), "gathered evidence: Ferry fares up (Coast Ledger, supports)", null },
        { "cited", new SourceCited(new CitedSource("https://stats.example/fares", Stance.Contradicts, true, EvidenceReviewState.Suggested, "rita", 12)), "cited https://stats.example/fares as contradicts", null },
        { "proposed", new VerdictProposed(null, Proposal, new ProposalDetail("dispute", [Role.Editor])), "proposed the verdict disputed, for an editor to approve", Proposal.Rationale },
        { "sent back", new VerdictSentBack(Proposal, new SentBackNote("Cite the ministry's table.")), "sent back the proposed verdict disputed of rita", "Cite the ministry's table." },
        { "withdrawn", new VerdictWithdrawn(new ReviewStateOf(4, ReviewState.Published), new ReviewStateOf(4, ReviewState.Withdrawn),
            new Withdrawal(4, ClaimStatus.Disputed, "New figures arrived.")), "withdrew the published ClaimReview (disputed)", "New figures arrived." },
        { "edited", new ClaimEdited(new EditedFields(Claimant: new FieldChange<string>(null)), new EditedFields(Claimant: new FieldChange<string>("the minister"))),
            "corrected the claimant from “none” to “the minister”", null },
        { "edited kind and text", new ClaimEdited(new EditedFields(new FieldChange<string>("Fares rose."), Kind: new FieldChange<ClaimKind?>(ClaimKind.Factual)),
            new EditedFields(new FieldChange<string>("Fares rose by 4 %."), Kind: new FieldChange<ClaimKind?>(ClaimKind.Attributed))),
            "corrected the text from “Fares rose.” to “Fares rose by 4 %.”, the kind from “factual” to “attributed”", null },
        { "unassigned", new ClaimAssigned(new AssigneeState("rita"), new AssigneeState(null)), "unassigned it (was rita)", null },
        { "handed over", new ClaimAssigned(new AssigneeState("rita"), new AssigneeState("omar")), "assigned it to omar (was rita)", null },
        { "commented", new CommentAdded(new CommentText("Ask the port authority.")), "commented", "Ask the port authority." },
        { "accepted", new EvidenceAccepted(new EvidenceReview(EvidenceReviewState.Suggested), new EvidenceReview(EvidenceReviewState.Accepted, "Same figures."),
            new EvidenceNamed(11, Stance.Supports)), "accepted evidence 11 (supports)", "Same figures." },
        { "rejected", new EvidenceRejected(new EvidenceReview(EvidenceReviewState.Suggested), new EvidenceReview(EvidenceReviewState.Rejected, "Another ferry."),
            new EvidenceNamed(12, Stance.Contradicts)), "rejected evidence 12 (contradicts)", "Another ferry." },
        { "flagged", new NewEvidenceAfterVerdict(new NewEvidenceCount(2, ClaimStatus.Verified)), "flagged new evidence after the verdict (2 added)", null },
        { "gather again", new CorroborationRequested(new StatusAtRequest(ClaimStatus.NeedsReview)), "asked the desk to gather evidence again", null },
        { "matched many", new EvidenceAdded(new EvidenceAddedPayload(GatheringKind.Matching, 8,
            [.. Enumerable.Range(1, 4).Select(n => new EvidenceAddedItem(20 + n, n, $"Report {n}", 2, "Coast Ledger", Stance.Mentions, 0.5, true))])),
            "matched a new article: 4 articles, among them Report 1 (Coast Ledger, mentions); Report 2 (Coast Ledger, mentions); Report 3 (Coast Ledger, mentions)", null },
    };

    [Fact]
    public void Every_kind_of_change_the_log_can_store_is_among_the_worded_cases()
    {
        // A kind added to ClaimChange without words here would fall through to the raw type and JSON on the page.
        var stored = typeof(ClaimChange).GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonDerivedTypeAttribute), inherit: false)
            .Cast<System.Text.Json.Serialization.JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
        var worded = Changes.Select(row => row[1].GetType()).ToHashSet();

        Assert.NotEmpty(stored);
        Assert.Empty(stored.Except(worded).Select(t => t.Name));
    }

    [Fact]
    public void An_old_entry_that_fits_no_kind_shows_its_type_and_what_it_stored()
    {
        var stored = new ClaimEvent { ClaimId = 1, At = At, Actor = "rita", Type = "merged", After = "{\"into\":4}" };

        var entry = HistoryEntry.Of(ClaimEventView.Of(stored));

        Assert.Equal("merged", entry.What);
        Assert.Equal("{\"into\":4}", entry.Note);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Each_kind_of_change_reads_as_words(string name, ClaimChange change, string what, string? note)
    {
        var stored = new ClaimEvent { ClaimId = 1, At = At, Actor = "rita", Type = change.Type, Payload = ClaimChanges.Serialize(change) };

        var entry = HistoryEntry.Of(ClaimEventView.Of(stored));

        Assert.True(what == entry.What, $"{name}: expected “{what}”, got “{entry.What}”");
        Assert.Equal(note, entry.Note);
    }
}
