using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Infrastructure.Events;

/// <summary>
/// The one place a change to a claim becomes rows: its audit event (typed payload, per-claim sequence number) and the
/// webhook deliveries it raises (the outbox). Both write paths use it — the unit of work's SaveChanges (through
/// <see cref="Webhooks.WebhookOutbox"/> and <see cref="AssignSequences"/>) and the registration writer's prepared INSERTs —
/// so a change reads and is delivered the same whichever path wrote it.
/// </summary>
public static class ClaimEventLog
{
    private static long _made;

    /// <summary>
    /// The audit event for a change. <paramref name="sequence"/> is known only to a writer that knows the claim is new (1);
    /// otherwise it is numbered when saved (<see cref="AssignSequences"/>).
    /// </summary>
    public static ClaimEvent EventFor(long claimId, string actor, DateTime at, ClaimChange change, long sequence = 0) => new()
    {
        ClaimId = claimId,
        At = at,
        Actor = actor,
        Type = change.Type,
        Payload = ClaimChanges.Serialize(change),
        Sequence = sequence,
        Change = change,
        MadeOrder = Interlocked.Increment(ref _made),
    };

    /// <summary>One pending delivery per webhook event the change raises and subscription that asked for it.</summary>
    public static IEnumerable<WebhookDelivery> DeliveriesFor(ClaimEvent claimEvent, IReadOnlyList<WebhookSubscription> subscriptions, DateTime now)
    {
        if (subscriptions.Count == 0) yield break;
        foreach (var type in WebhookEvents.For(claimEvent.ReadChange()))
        foreach (var subscription in subscriptions)
        {
            if (!subscription.EventList.Contains(type)) continue;
            yield return new WebhookDelivery
            {
                SubscriptionId = subscription.Id, ClaimEvent = claimEvent, ClaimEventId = claimEvent.Id, EventType = type,
                Outcome = DeliveryOutcome.Pending, CreatedAt = now, NextAttemptAt = now,
            };
        }
    }

    /// <summary>
    /// Numbers the audit events a SaveChanges is about to write, per claim, after the last number the claim has — read in
    /// the same save, so inside the transaction that writes them. Two saves racing for one claim take the same number and
    /// the unique index (claim, sequence) refuses the second, which runs again like any lost race.
    /// </summary>
    public static async Task AssignSequencesAsync(ClaimDeskDbContext db, CancellationToken ct)
    {
        var pending = Pending(db);
        if (pending.Count == 0) return;
        var existing = ExistingClaims(db, pending);
        var last = existing.Count == 0
            ? []
            : await db.ClaimEvents.Where(e => existing.Contains(e.ClaimId)).GroupBy(e => e.ClaimId)
                .Select(g => new { g.Key, Last = g.Max(e => e.Sequence) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        Number(pending, last);
    }

    /// <inheritdoc cref="AssignSequencesAsync"/>
    public static void AssignSequences(ClaimDeskDbContext db)
    {
        var pending = Pending(db);
        if (pending.Count == 0) return;
        var existing = ExistingClaims(db, pending);
        var last = existing.Count == 0
            ? []
            : db.ClaimEvents.Where(e => existing.Contains(e.ClaimId)).GroupBy(e => e.ClaimId)
                .Select(g => new { g.Key, Last = g.Max(e => e.Sequence) }).ToDictionary(x => x.Key, x => x.Last);
        Number(pending, last);
    }

    private static List<ClaimEvent> Pending(ClaimDeskDbContext db)
    {
        // Audit events are only ever added explicitly: no need to scan the whole context for changes first.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ChangeTracker.Entries<ClaimEvent>()
                .Where(e => e.State == EntityState.Added && e.Entity.Sequence == 0).Select(e => e.Entity)
                .OrderBy(e => e.MadeOrder).ToList();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static List<long> ExistingClaims(ClaimDeskDbContext db, List<ClaimEvent> pending) =>
        pending.Where(e => e.ClaimId != 0 && (e.Claim is null || db.Entry(e.Claim).State != EntityState.Added))
            .Select(e => e.ClaimId).Distinct().ToList();

    private static void Number(List<ClaimEvent> pending, Dictionary<long, long> last)
    {
        // A claim new in this save has no id yet: its events are counted by the claim object, from 1.
        var newClaims = new Dictionary<Claim, long>(ReferenceEqualityComparer.Instance);
        foreach (var e in pending)
        {
            if (e.ClaimId == 0 && e.Claim is { } claim)
            {
                newClaims[claim] = e.Sequence = newClaims.GetValueOrDefault(claim) + 1;
                continue;
            }
            last[e.ClaimId] = e.Sequence = last.GetValueOrDefault(e.ClaimId) + 1;
        }
    }
}
