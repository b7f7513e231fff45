using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Infrastructure.Events;
using ClaimDesk.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Infrastructure.Webhooks;

/// <summary>
/// The outbox: whenever a SaveChanges adds audit events, the deliveries they raise (<see cref="ClaimEventLog.DeliveriesFor"/>,
/// as the registration writer's batches write them) are added to the same SaveChanges,
/// so a delivery exists exactly when the change it reports was saved. Sending waits until after the commit; deliveries
/// whose job was lost (a crash in between) are found by the recovery sweep.
/// </summary>
public sealed class WebhookOutbox(IAfterCommit afterCommit, IJobScheduler jobs, TimeProvider clock) : ISaveChangesObserver
{
    private readonly List<WebhookDelivery> _added = [];

    public void Saving(ClaimDeskDbContext db) => AddDeliveries(db);

    public void Saved() => ScheduleSaved();

    // A failed save wrote no deliveries: forget them, so a later save in the same scope does not send them.
    public void Failed() => _added.Clear();

    private void AddDeliveries(ClaimDeskDbContext db)
    {
        var events = db.ChangeTracker.Entries<ClaimEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (events.Count == 0) return;
        var subscriptions = db.WebhookSubscriptions.AsNoTracking().Where(s => s.DisabledAt == null).ToList();
        if (subscriptions.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var delivery in events.OrderBy(e => e.Sequence).SelectMany(e => ClaimEventLog.DeliveriesFor(e, subscriptions, now)))
        {
            db.WebhookDeliveries.Add(delivery);
            _added.Add(delivery);
        }
    }

    private void ScheduleSaved()
    {
        var saved = _added.ToList();
        _added.Clear();
        foreach (var delivery in saved) afterCommit.Add(() => jobs.DeliverWebhook(delivery.Id, TimeSpan.Zero));
    }
}
