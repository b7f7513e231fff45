using System.Net;
using System.Net.Sockets;

namespace ClaimDesk.Core.Infrastructure.Outbound;

/// <summary>Configuration section ClaimDesk:Outbound.</summary>
public sealed class OutboundOptions
{
    public const string Section = "ClaimDesk:Outbound";

    /// <summary>
    /// Allow the private ranges (10/8, 172.16/12, 192.168/16, IPv6 unique-local fc00::/7): a desk whose tools live on its own
    /// network. Off by default. Never opens loopback, link-local, cloud metadata or any other range.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>One deadline for a whole outbound exchange: resolving, connecting, the answer's headers and body, every redirect.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Single addresses allowed whatever their range (one internal CMS), without opening every private network; they apply to
    /// IP-literal URLs and to names that resolve to them alike. Cloud metadata addresses stay refused even when listed.
    /// </summary>
    public string[]? AllowAddresses { get; set; }

    /// <summary>
    /// The proxy outbound requests go through (http://host:port, credentials as user:password@ if it needs them), or none.
    /// The environment's proxy (HTTP_PROXY and the like) is never used: through a proxy the guard would see only the
    /// proxy's address, so with one configured every target is resolved and checked here before the proxy is asked.
    /// </summary>
    public string? Proxy { get; set; }

    public static bool TryParseProxy(string proxy, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(proxy.Trim(), UriKind.Absolute, out uri) && uri.Scheme == Uri.UriSchemeHttp;

    public bool Allows(IPAddress address) => OutboundAddressPolicy.RefuseAddress(address, this) is null;

    internal IEnumerable<IPAddress> AllowedAddresses =>
        (AllowAddresses ?? []).Select(a => IPAddress.TryParse(a.Trim(), out var parsed) ? OutboundAddressPolicy.Unmapped(parsed) : null).OfType<IPAddress>();
}

/// <summary>
/// The one guard for every request ClaimDesk makes to the outside (fetched articles, feeds, webhooks): only http(s),
/// and never loopback, private, link-local, cloud-metadata, CGNAT, multicast, reserved or unspecified addresses — checked
/// on the addresses a name resolves to, at connect time, so a DNS answer or a redirect cannot smuggle a request inside.
/// Private ranges open only with <see cref="OutboundOptions.AllowPrivateNetworks"/>; single addresses with
/// <see cref="OutboundOptions.AllowAddresses"/>.
/// </summary>
public static class OutboundAddressPolicy
{
    /// <summary>
    /// Where clouds serve instance metadata and credentials (AWS/GCP/Azure IMDS, AWS ECS and IPv6 IMDS, Alibaba, Oracle,
    /// Azure's wire server): never reachable, not even when listed in AllowAddresses by mistake.
    /// </summary>
    private static readonly IPAddress[] CloudMetadata =
        new[] { "169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192", "168.63.129.16" }.Select(IPAddress.Parse).ToArray();

    public static string? RefuseUrl(Uri uri, OutboundOptions options)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return $"only http and https URLs are fetched, not '{uri.Scheme}'";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "URLs with credentials are refused";
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal)) return RefuseAddress(literal, options);
        // "localhost" names resolve to loopback by definition (RFC 6761); other names are checked on what they resolve to.
        var host = uri.IdnHost.TrimEnd('.');
        if ((host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            && !options.AllowedAddresses.Any(IPAddress.IsLoopback))
            return "loopback addresses are refused";
        return null;
    }

    /// <summary>Why an address may not be contacted, or null when it may.</summary>
    public static string? RefuseAddress(IPAddress address, OutboundOptions options)
    {
        address = Unmapped(address);
        if (CloudMetadata.Any(address.Equals)) return "cloud metadata addresses are refused";
        if (options.AllowedAddresses.Any(address.Equals)) return null;
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefuseIPv4(address.GetAddressBytes(), options.AllowPrivateNetworks),
            AddressFamily.InterNetworkV6 => RefuseIPv6(address, options),
            _ => "only IP addresses are contacted",
        };
    }

    internal static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string? RefuseIPv4(byte[] b, bool allowPrivateNetworks)
    {
        if (b[0] == 0) return "unspecified addresses are refused";
        if (b[0] == 127) return "loopback addresses are refused";
        if (b[0] == 169 && b[1] == 254) return "link-local and cloud metadata addresses are refused";
        if (b[0] >= 224) return "multicast and reserved addresses are refused";
        // Shared address space (RFC 6598) is the carrier's, not a publisher's, and holds a cloud's metadata service.
        if (b[0] == 100 && b[1] is >= 64 and <= 127) return "carrier-grade NAT addresses are refused";
        // IETF, 6to4-relay and documentation/benchmark ranges are never a real publisher.
        if ((b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) || (b[0] == 192 && b[1] == 88 && b[2] == 99) || (b[0] == 198 && b[1] is 18 or 19)
            || (b[0] == 198 && b[1] == 51 && b[2] == 100) || (b[0] == 203 && b[1] == 0 && b[2] == 113))
            return "reserved addresses are refused";
        var isPrivate = b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168);
        return isPrivate && !allowPrivateNetworks ? "private network addresses are refused" : null;
    }

    private static string? RefuseIPv6(IPAddress address, OutboundOptions options)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any)) return "unspecified addresses are refused";
        if (address.Equals(IPAddress.IPv6Loopback)) return "loopback addresses are refused";
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal) return "link-local addresses are refused";
        if (address.IsIPv6Multicast) return "multicast addresses are refused";
        // Addresses that carry an IPv4 address reach it through a translator or a tunnel: judge the IPv4 address.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
            return RefuseAddress(new IPAddress(b[12..16]), options);
        if (b[0] == 0x20 && b[1] == 0x02) // 6to4 2002::/16
            return RefuseAddress(new IPAddress(b[2..6]), options);
        if (b[..12].All(x => x == 0)) return "IPv4-compatible addresses are refused"; // ::a.b.c.d, deprecated
        if ((b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) || (b[0] == 0x01 && b[1..8].All(x => x == 0))
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)) // documentation, discard, Teredo
            return "reserved addresses are refused";
        if ((b[0] & 0xfe) == 0xfc) return options.AllowPrivateNetworks ? null : "private network addresses are refused"; // fc00::/7
        return null;
    }
}

/// <summary>
/// An outbound request refused by the guard or cut off by its limits. <see cref="Exception.Message"/> is the public
/// reason the desk records and shows (no host, address or resolver text); <see cref="Detail"/> is for the logs only.
/// </summary>
public sealed class OutboundRefusedException(string reason, string detail) : Exception(reason)
{
    public OutboundRefusedException(string reason) : this(reason, reason) { }

    public string Detail { get; } = detail;
}
