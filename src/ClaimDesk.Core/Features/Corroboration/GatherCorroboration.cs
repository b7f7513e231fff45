using System.Diagnostics;
using ClaimDesk.Analysis.Embeddings;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Infrastructure.Embeddings;
using ClaimDesk.Core.Infrastructure.Search;
using ClaimDesk.Core.Behaviors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>
/// Job step 2: look through every article the desk holds for those that support, contradict or mention the claim —
/// hybrid retrieval hands generously many candidate articles to the stance model, which decides which are related and
/// how — then record the run and hand the claim to reviewers.
/// </summary>
/// <remarks>Saves itself, through <see cref="EvidenceFinder.SaveAsync"/>: the run's evidence gets its ids before the one event naming them, and a run that loses a race to another is run again here.</remarks>
public sealed record GatherCorroboration(long ClaimId) : ICommand<int>, ISavesItself;

public sealed class GatherCorroborationHandler(
    ClaimDeskDbContext db, ITextEmbedder embedder, PassageIndexCache index, ArticleJudge judge, EvidenceFinder finder, TimeProvider clock)
    : ICommandHandler<GatherCorroboration, int>
{
    /// <summary>
    /// How many candidate articles retrieval hands to the stance model. Generous on purpose: the model decides relatedness,
    /// and on FNC-1 this many candidates hold every related body retrieval can rank (see the README's recall figures).
    /// </summary>
    public const int CandidateArticles = 300;

    /// <summary>The most related articles kept as evidence per run; a run that finds more says so (capReached).</summary>
    public const int RelatedCap = 200;

    public async ValueTask<int> Handle(GatherCorroboration command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await GatherAsync(command.ClaimId, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another run of this job (a recovery sweep's, a "gather again") or a reviewer changed the claim meanwhile:
                // gather again on the claim as it is now; what the other run added is not added twice.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> GatherAsync(long claimId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var claim = await db.Claims.Include(c => c.Article).ThenInclude(a => a.Outlet).FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null || claim.Status == ClaimStatus.Duplicate) return 0;

        var vector = claim.Embedding is { } stored ? VectorBytes.ToVector(stored) : embedder.Embed([claim.Text])[0];
        claim.Embedding ??= VectorBytes.From(vector);
        await index.EnsureCurrentAsync(db, ct);
        var ownArticle = claim.ArticleId;
        var candidates = index.Index.SearchArticles(claim.Text, vector, CandidateArticles, articleId => articleId != ownArticle);
        var judged = judge.Judge(ArticleJudge.ClaimOf(claim, vector), candidates.Select(c => c.ArticleId));
        var related = ArticleJudge.Related(judged);

        var now = clock.GetUtcNow().UtcDateTime;
        var run = new GatheringRun
        {
            ClaimId = claim.Id, Kind = GatheringKind.Gathering, StartedAt = startedAt, FinishedAt = now,
            ElapsedMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
            ArticlesConsidered = judged.Count, ArticlesRelated = related.Count, Cap = RelatedCap, CapReached = related.Count > RelatedCap,
            Model = judge.ModelName,
        };
        var staged = await finder.StageAsync(claim, run, related.Take(RelatedCap).ToList(), judge.ModelName, ct);

        await finder.SaveAsync(claim, staged, ct, then: () =>
        {
            if (claim.Status != ClaimStatus.Gathering) return;
            ClaimTransitionGuard.EnsureAllowed(claim.Status, ClaimStatus.NeedsReview, SystemActor.Instance);
            claim.Status = ClaimStatus.NeedsReview;
            claim.Touch(now);
            ClaimAudit.Record(db, claim, SystemActor.Instance, now, new StatusChanged(
                new StatusBefore(ClaimStatus.Gathering), new StatusAfter(claim.Status),
                new MoveDetail(EvidenceAdded: staged.AddedCount, ArticlesConsidered: run.ArticlesConsidered, ArticlesRelated: run.ArticlesRelated,
                    CapReached: run.CapReached, ElapsedMs: run.ElapsedMs)));
        });
        Observability.ClaimDeskMetrics.RecordCorroboration(Stopwatch.GetElapsedTime(started), staged.AddedCount);
        return staged.AddedCount;
    }
}
