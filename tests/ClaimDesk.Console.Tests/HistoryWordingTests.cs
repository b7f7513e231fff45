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
    };

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
