using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>
/// Turns the articles the stance model found related to a claim into evidence, one item per article, and records the
/// run. Shared by "gather for a claim" and "match a new article against claims"; both are idempotent because a
/// (claim, article) pair is stored once and only refreshed afterwards — and only while no reviewer has decided it.
/// </summary>
public sealed class EvidenceFinder(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor)
{
    /// <summary>What a run staged: the new evidence (with what the audit event names) and the run itself.</summary>
    public sealed class Staged
    {
        internal List<(Domain.Evidence Evidence, string Title, string? Url, long OutletId, string OutletName, bool Independent)> Added { get; } = [];
        public required GatheringRun Run { get; init; }
        public int AddedCount => Added.Count;
    }

    /// <summary>
    /// Adds evidence for new related articles and refreshes the engine's judgement on suggested ones, on the tracked claim
    /// (its article and outlet loaded); nothing is written until <see cref="SaveAsync"/>.
    /// </summary>
    public async Task<Staged> StageAsync(Claim claim, GatheringRun run, IReadOnlyList<JudgedArticle> related, string model, CancellationToken ct)
    {
        var staged = new Staged { Run = run };
        related = related.Where(r => r.ArticleId != claim.ArticleId).ToList();
        var ids = related.Select(r => r.ArticleId).ToList();
        var existing = ids.Count == 0
            ? []
            : await db.Evidence.Where(e => e.ClaimId == claim.Id && e.ArticleId != null && ids.Contains(e.ArticleId.Value))
                .ToDictionaryAsync(e => e.ArticleId!.Value, ct);
        var newIds = ids.Where(id => !existing.ContainsKey(id)).ToList();
        var articles = newIds.Count == 0
            ? []
            : await db.Articles.AsNoTracking().Where(a => newIds.Contains(a.Id))
                .Select(a => new { a.Id, a.Title, a.Url, a.Text, a.OutletId, OutletName = a.Outlet.Name, a.Outlet.OwnerGroup })
                .ToDictionaryAsync(a => a.Id, ct);

        HashSet<int>? claimArticleShingles = null;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var judged in related)
        {
            var stance = judged.Stance;
            var passages = stance.Passages
                .Where(p => judged.PassageIds.ContainsKey(p.Index))
                .Select(p => new DecidingPassageRef(judged.PassageIds[p.Index], p.Index, p.Start, p.End, p.Similarity)).ToList();
            if (existing.TryGetValue(judged.ArticleId, out var evidence))
            {
                // A re-run refreshes what the engine thinks, never what a reviewer decided.
                if (evidence.ReviewState != EvidenceReviewState.Suggested) continue;
                Judge(evidence, stance, passages, model, now);
                continue;
            }
            if (!articles.TryGetValue(judged.ArticleId, out var article)) continue;
            // Whether the text is a copy of the claim's article never changes; independence from the outlets is judged at read.
            var isCopy = SyndicationDetector.IsNearCopy(claimArticleShingles ??= SyndicationDetector.Shingles(claim.Article.Text), article.Text);
            evidence = new Domain.Evidence
            {
                ClaimId = claim.Id, ArticleId = article.Id, SyndicatedCopy = isCopy, ReviewState = EvidenceReviewState.Suggested, CreatedAt = now,
            };
            Judge(evidence, stance, passages, model, now);
            db.Evidence.Add(evidence);
            existing[article.Id] = evidence;
            var independent = Independence.DependenceOf(OutletIdentity.Of(claim.Article.Outlet), new OutletIdentity(article.OutletId, article.OwnerGroup), isCopy) is null;
            staged.Added.Add((evidence, article.Title, article.Url, article.OutletId, article.OutletName, independent));
        }

        run.EvidenceAdded = staged.Added.Count;
        db.GatheringRuns.Add(run);
        if (staged.Added.Count > 0)
        {
            if (claim.Status.IsVerdict() && !claim.HasNewEvidence)
            {
                // The desk learns that a verdict may need another look.
                claim.HasNewEvidence = true;
                ClaimAudit.Record(db, claim, actor, now, new NewEvidenceAfterVerdict(new NewEvidenceCount(staged.Added.Count, claim.Status)));
            }
            claim.Touch(now);
        }
        return staged;
    }

    /// <summary>
    /// Writes what was staged (and whatever else the caller changed) atomically: the evidence first, so the one
    /// <c>evidenceAdded</c> event of the run can name every new item by id, then the event, in one transaction.
    /// <paramref name="then"/> makes the caller's changes that belong after the evidence in the audit log (the move to review).
    /// </summary>
    public async Task SaveAsync(Claim claim, Staged staged, CancellationToken ct, Action? then = null)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
            if (staged.Added.Count > 0)
            {
                var payload = new EvidenceAddedPayload(staged.Run.Kind, staged.Run.Id, staged.Added
                    .Select(a => new EvidenceAddedItem(a.Evidence.Id, a.Evidence.ArticleId!.Value, a.Title, a.OutletId, a.OutletName,
                        a.Evidence.Stance, Math.Round(a.Evidence.Score, 4), a.Independent, a.Url))
                    .ToList());
                ClaimAudit.Record(db, claim, actor, staged.Run.FinishedAt, new EvidenceAdded(payload));
            }
            then?.Invoke();
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private static void Judge(Domain.Evidence evidence, ArticleStance stance, List<DecidingPassageRef> passages, string model, DateTime now)
    {
        evidence.Stance = stance.Stance ?? Stance.Mentions;
        evidence.Score = Math.Round(stance.Score, 4);
        evidence.Passages = passages;
        evidence.Discrepancies = stance.Discrepancies.ToList();
        evidence.ModelNote = stance.Reason;
        evidence.Model = model;
        evidence.JudgedAt = now;
    }
}
