using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Corroboration;

/// <summary>A candidate passage for a claim, with how close its meaning is.</summary>
public sealed record CandidatePassage(long PassageId, double SemanticSimilarity);

/// <summary>
/// Turns candidate passages into evidence for a claim: stance and discrepancies from the analysis library,
/// and whether the text is a syndicated copy (independence from the outlets is judged when evidence is read).
/// Shared by "gather for a claim" and "match a new article against claims"; both are idempotent because a
/// (claim, passage) pair is stored once and only updated afterwards.
/// </summary>
public sealed class EvidenceFinder(ClaimDeskDbContext db, TimeProvider clock, ICurrentActor actor)
{
    /// <summary>Mentions below this similarity are noise, not evidence worth a reviewer's time.</summary>
    public const double MinimumMentionSimilarity = 0.45;

    /// <summary>Adds (or refreshes) evidence on the tracked claim; the caller's SaveChanges writes it.</summary>
    public async Task<int> AddEvidenceAsync(Claim claim, IReadOnlyList<CandidatePassage> candidates, CancellationToken ct)
    {
        if (candidates.Count == 0) return 0;
        var ids = candidates.Select(c => c.PassageId).ToList();
        var passages = await db.Passages.AsNoTracking().Include(p => p.Article).ThenInclude(a => a.Outlet)
            .Where(p => ids.Contains(p.Id) && p.ArticleId != claim.ArticleId)
            .ToDictionaryAsync(p => p.Id, ct);
        var existing = await db.Evidence.Where(e => e.ClaimId == claim.Id && e.PassageId != null && ids.Contains(e.PassageId.Value))
            .ToDictionaryAsync(e => e.PassageId!.Value, ct);

        var syndicated = new Dictionary<long, bool>();
        HashSet<int>? claimArticleShingles = null;
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var candidate in candidates)
        {
            if (!passages.TryGetValue(candidate.PassageId, out var passage)) continue;
            var assessment = StanceClassifier.Classify(claim.Text, claim.Article.PublishedAt, passage.Text, passage.Article.PublishedAt, candidate.SemanticSimilarity);
            if (assessment.Stance == Stance.Mentions && candidate.SemanticSimilarity < MinimumMentionSimilarity) continue;

            if (!syndicated.TryGetValue(passage.ArticleId, out var isCopy))
                syndicated[passage.ArticleId] = isCopy = SyndicationDetector.IsNearCopy(
                    claimArticleShingles ??= SyndicationDetector.Shingles(claim.Article.Text), passage.Article.Text);

            if (existing.TryGetValue(passage.Id, out var evidence))
            {
                // A re-run refreshes what the engine thinks, never what a reviewer decided.
                if (evidence.ReviewState == EvidenceReviewState.Suggested)
                {
                    evidence.Stance = assessment.Stance;
                    evidence.Score = assessment.Score;
                    evidence.Discrepancies = assessment.Discrepancies.ToList();
                }
                evidence.SyndicatedCopy = isCopy;
                continue;
            }

            var dependence = DependenceOf(claim.Article.Outlet, passage.Article.Outlet, isCopy);
            evidence = new Domain.Evidence
            {
                ClaimId = claim.Id, PassageId = passage.Id, Stance = assessment.Stance, Score = assessment.Score,
                Discrepancies = assessment.Discrepancies.ToList(), SyndicatedCopy = isCopy,
                ReviewState = EvidenceReviewState.Suggested, CreatedAt = now,
            };
            db.Evidence.Add(evidence);
            existing[passage.Id] = evidence;
            added++;
            ClaimAudit.Record(db, claim, actor, ClaimEventTypes.EvidenceAdded, now, after: new
            {
                passageId = passage.Id, articleId = passage.ArticleId, stance = assessment.Stance, score = Math.Round(assessment.Score, 4),
                independent = dependence is null, discrepancies = assessment.Discrepancies,
            });
        }

        if (added > 0)
        {
            if (claim.Status.IsVerdict() && !claim.HasNewEvidence)
            {
                // The desk learns that a verdict may need another look.
                claim.HasNewEvidence = true;
                ClaimAudit.Record(db, claim, actor, ClaimEventTypes.NewEvidenceAfterVerdict, now, detail: new { added, verdict = claim.Status });
            }
            claim.Touch(now);
        }
        return added; // the caller saves, together with whatever else it changed
    }

    /// <summary>Null when independent as the outlets stand now (for the audit log; readers judge again); else why not.</summary>
    public static string? DependenceOf(Outlet claimOutlet, Outlet evidenceOutlet, bool syndicatedCopy) =>
        Independence.DependenceOf(OutletIdentity.Of(claimOutlet), OutletIdentity.Of(evidenceOutlet), syndicatedCopy);
}
