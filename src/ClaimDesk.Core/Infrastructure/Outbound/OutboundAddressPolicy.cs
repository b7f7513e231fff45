using System.Net;
using System.Net.Sockets;

namespace ClaimDesk.Core.Infrastructure.Outbound;

/// <summary>Configuration section ClaimDesk:Outbound.</summary>
public sealed class OutboundOptions
{
    public const string Section = "ClaimDesk:Outbound";
    /// <summary>Allow private-network targets (a desk whose tools live on its own network). Off by default.</summary>
    public bool AllowPrivateNetworks { get; set; }
    public int TimeoutSeconds { get; set; } = 20;
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxRedirects { get; set; } = 5;
    /// <summary>Single addresses allowed although private (one internal CMS), without opening every private network.</summary>
    public string[]? AllowAddresses { get; set; }

    public bool Allows(System.Net.IPAddress address) =>
        (AllowAddresses ?? []).Any(a => System.Net.IPAddress.TryParse(a, out var allowed) && allowed.Equals(address))
        || OutboundAddressPolicy.RefuseAddress(address, AllowPrivateNetworks) is null;
}

/// <summary>
/// The one guard for every request ClaimDesk makes to the outside (fetched articles, feeds, webhooks): only http(s),
/// and never loopback, private, link-local, cloud-metadata, CGNAT, multicast or unspecified addresses — checked on the
/// addresses a name resolves to, at connect time, so a DNS answer or a redirect cannot smuggle a request inside.
/// </summary>
public static class OutboundAddressPolicy
{
    public static string? RefuseUrl(Uri uri, bool allowPrivateNetworks)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return $"only http and https URLs are fetched, not '{uri.Scheme}'";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "URLs with credentials are refused";
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && RefuseAddress(literal, allowPrivateNetworks) is { } reason)
            return reason;
        if (!allowPrivateNetworks && (uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)))
            return "loopback addresses are refused";
        return null;
    }

    /// <summary>Why an address may not be contacted, or null when it may.</summary>
    public static string? RefuseAddress(IPAddress address, bool allowPrivateNetworks)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return allowPrivateNetworks ? null : "loopback addresses are refused";
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None)) return "unspecified addresses are refused";
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            if (b[0] == 169 && b[1] == 254) return "link-local and cloud metadata addresses are refused";
            if (b[0] >= 224) return "multicast and reserved addresses are refused";
            if (b[0] == 0) return "unspecified addresses are refused";
            // IETF and documentation/benchmark ranges are never a real publisher (192.0.0/24, 192.0.2/24, 198.18/15, 198.51.100/24, 203.0.113/24).
            if ((b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) || (b[0] == 198 && b[1] is 18 or 19) || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113))
                return "reserved addresses are refused";
            var isPrivate = b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
            return isPrivate && !allowPrivateNetworks ? "private network addresses are refused" : null;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal) return "link-local addresses are refused";
            if (address.IsIPv6Multicast) return "multicast addresses are refused";
            var first = address.GetAddressBytes()[0];
            if ((first & 0xfe) == 0xfc) return allowPrivateNetworks ? null : "private network addresses are refused"; // fc00::/7, incl. fd00:ec2::254
        }
        return null;
    }
}

/// <summary>An outbound request refused by the policy or the limits; the message is what the desk records.</summary>
public sealed class OutboundRefusedException(string reason) : Exception(reason);
