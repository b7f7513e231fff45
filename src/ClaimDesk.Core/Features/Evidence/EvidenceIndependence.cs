using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Evidence;

/// <summary>What judging one evidence needs: its stance and review state, and the outlet it speaks for as it is now.</summary>
public sealed record EvidenceFacts(
    long Id, long ClaimId, Stance Stance, EvidenceReviewState ReviewState, bool SyndicatedCopy, string? ExternalUrl, long? OutletId, string? OwnerGroup);

/// <summary>
/// Judges the independence of a claim's evidence when it is read, from the outlets as they are at that moment
/// (<see cref="Independence"/>): a change of an outlet's owner group or domain counts at once, for every claim, with
/// nothing to re-judge and no stored judgement to go stale. A cited URL speaks for every outlet whose domain it lives on.
/// </summary>
internal sealed class EvidenceIndependence
{
    private readonly OutletIdentity _claimOutlet;
    private readonly ILookup<string, OutletIdentity> _outletsByDomain;

    private EvidenceIndependence(OutletIdentity claimOutlet, ILookup<string, OutletIdentity> outletsByDomain)
    {
        _claimOutlet = claimOutlet;
        _outletsByDomain = outletsByDomain;
    }

    public static IQueryable<EvidenceFacts> FactsOf(IQueryable<Domain.Evidence> evidence) =>
        evidence.AsNoTracking().Select(e => new EvidenceFacts(e.Id, e.ClaimId, e.Stance, e.ReviewState, e.SyndicatedCopy, e.ExternalUrl,
            (long?)e.Article!.OutletId, e.Article!.Outlet.OwnerGroup));

    /// <summary>A judge for evidence of a claim from <paramref name="claimOutlet"/>; looks up only the outlets the cited URLs could be on.</summary>
    public static async Task<EvidenceIndependence> ForAsync(ClaimDeskDbContext db, Outlet claimOutlet, IEnumerable<string?> externalUrls, CancellationToken ct)
    {
        var domains = externalUrls.Select(UrlRules.HostOf).OfType<string>().SelectMany(Independence.DomainsOf).Distinct().ToList();
        var outlets = domains.Count == 0
            ? []
            : await db.Outlets.AsNoTracking().Where(o => o.Domain != null && domains.Contains(o.Domain))
                .Select(o => new { o.Id, o.OwnerGroup, Domain = o.Domain! }).ToListAsync(ct);
        return new EvidenceIndependence(OutletIdentity.Of(claimOutlet),
            outlets.ToLookup(o => o.Domain, o => new OutletIdentity(o.Id, o.OwnerGroup)));
    }

    /// <summary>Null when independent; else why not (see <see cref="Independence"/>).</summary>
    public string? DependenceOf(EvidenceFacts e) => e.ExternalUrl is { } url
        ? Independence.DependenceOf(_claimOutlet, OutletsOf(url), syndicatedCopy: false)
        : Independence.DependenceOf(_claimOutlet, new OutletIdentity(e.OutletId!.Value, e.OwnerGroup), e.SyndicatedCopy);

    /// <summary>The same for a loaded evidence (its article and outlet included).</summary>
    public string? DependenceOf(Domain.Evidence e) => e.ExternalUrl is { } url
        ? Independence.DependenceOf(_claimOutlet, OutletsOf(url), syndicatedCopy: false)
        : Independence.DependenceOf(_claimOutlet, OutletIdentity.Of(e.Article!.Outlet), e.SyndicatedCopy);

    private List<OutletIdentity> OutletsOf(string url) => UrlRules.HostOf(url) is { } host
        ? Independence.DomainsOf(host).SelectMany(d => _outletsByDomain[d]).ToList()
        : [];
}
