using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Claims;

/// <summary>
/// Loads a claim that a person is about to change, enforcing optimistic concurrency: the caller must say which
/// version it read (If-Match, else 428) and it must still be current (else 412). The UPDATE itself also carries
/// the version, so a writer that slipped in between read and write still loses.
/// </summary>
internal static class ClaimForChange
{
    public static async Task<Claim> LoadAsync(ClaimDeskDbContext db, long claimId, int? expectedVersion, CancellationToken ct)
    {
        var claim = await db.Claims.Include(c => c.Article).ThenInclude(a => a.Outlet)
            .FirstOrDefaultAsync(c => c.Id == claimId, ct) ?? throw new NotFoundException("Claim", claimId);
        if (expectedVersion is null) throw new PreconditionRequiredException();
        if (expectedVersion != claim.Version) throw new PreconditionFailedException(ETag.For(claim.Id, claim.Version));
        return claim;
    }

    /// <summary>Work on a claim's review (assignment, evidence) needs an open claim: a verdict or a duplicate is reopened first.</summary>
    public static void EnsureOpen(Claim claim, string doing)
    {
        if (!claim.Status.IsOpen())
            throw new ConflictException("Claim is closed", $"Claim {claim.Id} is {claim.Status.Public()}; an editor must reopen it before {doing}.");
    }
}
