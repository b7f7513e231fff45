namespace ClaimDesk.Core.Domain;

/// <summary>The outlet an evidence speaks for, as independence needs it: which outlet, which owner group.</summary>
public readonly record struct OutletIdentity(long Id, string? OwnerGroup)
{
    public static OutletIdentity Of(Outlet outlet) => new(outlet.Id, outlet.OwnerGroup);
}

/// <summary>
/// Whether an evidence is an independent voice for a claim. It is judged when it is read, from the outlets as they are
/// then: an outlet's owner group or domain can change long after the evidence was found, and only independent support
/// can verify a claim, so a judgement stored with the evidence would go stale exactly where it matters. What cannot
/// change — whether the text is a syndicated copy of the claim's article — is stored with the evidence.
/// </summary>
public static class Independence
{
    public const string SameOutlet = "sameOutlet";
    public const string SameOwnerGroup = "sameOwnerGroup";
    public const string SyndicatedCopy = "syndicatedCopy";

    /// <summary>
    /// Null when independent; else why not. <paramref name="evidenceOutlets"/> are the outlets the evidence speaks for:
    /// the outlet of its article, or for a cited URL every outlet whose domain the URL lives on (none: an outside source).
    /// </summary>
    public static string? DependenceOf(OutletIdentity claimOutlet, IReadOnlyCollection<OutletIdentity> evidenceOutlets, bool syndicatedCopy)
    {
        if (evidenceOutlets.Any(o => o.Id == claimOutlet.Id)) return SameOutlet;
        if (evidenceOutlets.Any(o => SameGroup(claimOutlet, o))) return SameOwnerGroup;
        return syndicatedCopy ? SyndicatedCopy : null;
    }

    public static string? DependenceOf(OutletIdentity claimOutlet, OutletIdentity evidenceOutlet, bool syndicatedCopy) =>
        DependenceOf(claimOutlet, [evidenceOutlet], syndicatedCopy);

    private static bool SameGroup(OutletIdentity a, OutletIdentity b) =>
        a.OwnerGroup is not null && b.OwnerGroup is not null && string.Equals(a.OwnerGroup, b.OwnerGroup, StringComparison.OrdinalIgnoreCase);

    /// <summary>The domains a host lives on, most specific first: news.example.org → news.example.org, example.org, org.</summary>
    public static IReadOnlyList<string> DomainsOf(string host)
    {
        var domains = new List<string> { host };
        for (var dot = host.IndexOf('.'); dot >= 0 && dot < host.Length - 1; dot = host.IndexOf('.', dot + 1))
            domains.Add(host[(dot + 1)..]);
        return domains;
    }
}
