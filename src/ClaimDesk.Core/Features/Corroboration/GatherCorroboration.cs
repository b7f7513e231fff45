using System.Diagnostics;
using ClaimDesk.Analysis.Embeddings;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>
/// Job step 2: look through every article the desk holds for passages that support, contradict or mention the claim
/// (hybrid lexical + semantic retrieval, then stance and discrepancies), then hand the claim to reviewers.
/// </summary>
public sealed record GatherCorroboration(long ClaimId) : ICommand<int>;

public sealed class GatherCorroborationHandler(
    ClaimDeskDbContext db, ITextEmbedder embedder, PassageIndexCache index, EvidenceFinder finder, TimeProvider clock)
    : ICommandHandler<GatherCorroboration, int>
{
    /// <summary>How many passages retrieval hands to the stance classifier.</summary>
    public const int Candidates = 20;

    public async ValueTask<int> Handle(GatherCorroboration command, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var claim = await db.Claims.Include(c => c.Article).ThenInclude(a => a.Outlet).FirstOrDefaultAsync(c => c.Id == command.ClaimId, ct);
        if (claim is null || claim.Status == ClaimStatus.Duplicate) return 0;

        var vector = claim.Embedding is { } stored ? VectorBytes.ToVector(stored) : embedder.Embed([claim.Text])[0];
        claim.Embedding ??= VectorBytes.From(vector);
        await index.EnsureCurrentAsync(db, ct);
        var ownArticle = claim.ArticleId;
        var hits = index.Index.Search(claim.Text, vector, Candidates, articleId => articleId != ownArticle);
        var added = await finder.AddEvidenceAsync(claim,
            hits.Select(h => new CandidatePassage(h.PassageId, h.SemanticSimilarity)).ToList(), ct);

        if (claim.Status == ClaimStatus.Gathering)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            ClaimTransitionGuard.EnsureAllowed(claim.Status, ClaimStatus.NeedsReview, SystemActor.Instance);
            claim.Status = ClaimStatus.NeedsReview;
            claim.Touch(now);
            ClaimAudit.Record(db, claim, SystemActor.Instance, ClaimEventTypes.Transition, now,
                new { status = ClaimStatus.Gathering }, new { status = claim.Status },
                new { evidenceAdded = added, candidates = hits.Count, elapsedMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1) });
        }
        await db.SaveChangesAsync(ct);
        Observability.ClaimDeskMetrics.RecordCorroboration(Stopwatch.GetElapsedTime(started), added);
        return added;
    }
}
