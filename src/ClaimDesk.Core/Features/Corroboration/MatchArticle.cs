using System.Diagnostics;
using System.Numerics.Tensors;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Infrastructure.Embeddings;
using ClaimDesk.Core.Infrastructure.Search;
using ClaimDesk.Core.Behaviors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>
/// Job: a newly indexed article is matched against the desk's open and decided claims. Candidate claims are those whose
/// embedding is close to one of the article's passages; the stance model then decides, as in gathering, whether the
/// article is related to each and how (a decided claim that gets new evidence is flagged for another look). Claims
/// without an embedding yet are still gathering and will find this article themselves.
/// </summary>
/// <remarks>Saves itself, through <see cref="EvidenceFinder.SaveAsync"/>: one claim at a time, each write short and atomic, and a claim whose write loses a race is judged again.</remarks>
public sealed record MatchArticle(long ArticleId) : ICommand<int>, ISavesItself;

public sealed class MatchArticleHandler(ClaimDeskDbContext db, PassageIndexCache index, ArticleJudge judge, EvidenceFinder finder, TimeProvider clock)
    : ICommandHandler<MatchArticle, int>
{
    /// <summary>
    /// Cosine similarity of the claim to the article's closest passage below which the model is not asked. Low on purpose:
    /// on FNC-1's training bodies it keeps nearly every related pair (README), and the model drops the rest.
    /// </summary>
    public const double CandidateSimilarity = 0.3;

    /// <summary>The most claims one new article is judged against (the closest ones).</summary>
    public const int MaxCandidateClaims = 300;

    private const int ClaimBatch = 2000;

    public async ValueTask<int> Handle(MatchArticle command, CancellationToken ct)
    {
        await index.EnsureCurrentAsync(db, ct);
        var article = index.ArticleFor(command.ArticleId);
        if (article is null || article.Passages.Count == 0) return 0;

        var candidates = new List<(long ClaimId, double Similarity)>();
        long lastId = 0;
        while (true)
        {
            var claims = await db.Claims.AsNoTracking()
                .Where(c => c.Id > lastId && c.Embedding != null && c.ArticleId != command.ArticleId && c.Status != ClaimStatus.Duplicate)
                .OrderBy(c => c.Id).Take(ClaimBatch)
                .Select(c => new { c.Id, c.Embedding }).ToListAsync(ct);
            if (claims.Count == 0) break;
            lastId = claims[^1].Id;
            foreach (var claim in claims)
            {
                var vector = VectorBytes.ToVector(claim.Embedding!);
                var best = article.Passages.Max(p => (double)TensorPrimitives.Dot(vector, p.Vector));
                if (best >= CandidateSimilarity) candidates.Add((claim.Id, best));
            }
        }

        var added = 0;
        foreach (var (claimId, _) in candidates.OrderByDescending(c => c.Similarity).ThenBy(c => c.ClaimId).Take(MaxCandidateClaims))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    added += await MatchAsync(claimId, command.ArticleId, ct);
                    break;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Another job changed the claim (or added this very evidence) meanwhile: judge it again on what is there now.
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        return added;
    }

    /// <summary>Judges the article for one claim and, when related, records it (one claim at a time: each write is short and atomic).</summary>
    private async Task<int> MatchAsync(long claimId, long articleId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var claim = await db.Claims.Include(c => c.Article).ThenInclude(a => a.Outlet).FirstAsync(c => c.Id == claimId, ct);
        if (claim.Status == ClaimStatus.Duplicate) return 0;
        var related = ArticleJudge.Related(judge.Judge(ArticleJudge.ClaimOf(claim, VectorBytes.ToVector(claim.Embedding!)), [articleId]));
        if (related.Count == 0) return 0;
        var run = new GatheringRun
        {
            ClaimId = claim.Id, Kind = GatheringKind.Matching, ArticleId = articleId, StartedAt = startedAt,
            FinishedAt = clock.GetUtcNow().UtcDateTime, ElapsedMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
            ArticlesConsidered = 1, ArticlesRelated = 1, Cap = GatherCorroborationHandler.RelatedCap, Model = judge.ModelName,
        };
        var staged = await finder.StageAsync(claim, run, related, judge.ModelName, ct);
        await finder.SaveAsync(claim, staged, ct);
        return staged.AddedCount;
    }
}
