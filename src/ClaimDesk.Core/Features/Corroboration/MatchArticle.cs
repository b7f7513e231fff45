using System.Numerics.Tensors;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>
/// Job: a newly indexed article is matched against the desk's open and decided claims; passages close in meaning
/// to a claim become its evidence (a decided claim is flagged for another look). Claims without an embedding yet
/// are still gathering and will find this article themselves.
/// </summary>
public sealed record MatchArticle(long ArticleId) : ICommand<int>;

public sealed class MatchArticleHandler(ClaimDeskDbContext db, EvidenceFinder finder) : ICommandHandler<MatchArticle, int>
{
    /// <summary>Cosine similarity a passage needs to be looked at for a claim at all.</summary>
    public const double CandidateSimilarity = 0.5;
    private const int PerClaim = 5;
    private const int ClaimBatch = 2000;

    public async ValueTask<int> Handle(MatchArticle command, CancellationToken ct)
    {
        var passages = await db.Passages.AsNoTracking()
            .Where(p => p.ArticleId == command.ArticleId && p.Embedding != null)
            .Select(p => new { p.Id, p.Embedding }).ToListAsync(ct);
        if (passages.Count == 0) return 0;
        var vectors = passages.Select(p => (p.Id, Vector: VectorBytes.ToVector(p.Embedding!))).ToList();

        var added = 0;
        long lastId = 0;
        while (true)
        {
            var claims = await db.Claims.AsNoTracking()
                .Where(c => c.Id > lastId && c.Embedding != null && c.ArticleId != command.ArticleId && c.Status != ClaimStatus.Duplicate)
                .OrderBy(c => c.Id).Take(ClaimBatch)
                .Select(c => new { c.Id, c.Embedding }).ToListAsync(ct);
            if (claims.Count == 0) break;
            lastId = claims[^1].Id;

            foreach (var candidate in claims)
            {
                var claimVector = VectorBytes.ToVector(candidate.Embedding!);
                var close = vectors
                    .Select(p => new CandidatePassage(p.Id, TensorPrimitives.Dot(claimVector, p.Vector)))
                    .Where(c => c.SemanticSimilarity >= CandidateSimilarity)
                    .OrderByDescending(c => c.SemanticSimilarity).Take(PerClaim).ToList();
                if (close.Count == 0) continue;
                var claim = await db.Claims.Include(c => c.Article).ThenInclude(a => a.Outlet).FirstAsync(c => c.Id == candidate.Id, ct);
                added += await finder.AddEvidenceAsync(claim, close, ct);
                await db.SaveChangesAsync(ct); // one claim at a time: each write is short and atomic
            }
        }
        return added;
    }
}
