using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Infrastructure.Outbound;

/// <summary>
/// The HTTP client for outbound requests: follows redirects itself (each hop re-checked), connects only to addresses
/// the policy allows (checked after DNS resolution, on the address actually dialled), stops reading past the size limit,
/// and gives up on slow servers.
/// </summary>
public sealed class SafeHttpClient : IDisposable
{
    private readonly HttpClient _client;
    private readonly OutboundOptions _options;

    public SafeHttpClient(IOptions<OutboundOptions> options)
    {
        _options = options.Value;
        var allowPrivate = _options.AllowPrivateNetworks;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = async (context, ct) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
                var allowed = addresses.Where(options.Value.Allows).ToList();
                if (allowed.Count == 0)
                    throw new OutboundRefusedException(addresses.Length == 0
                        ? $"{context.DnsEndPoint.Host} does not resolve"
                        : $"{context.DnsEndPoint.Host} resolves to a refused address ({OutboundAddressPolicy.RefuseAddress(addresses[0], allowPrivate)})");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds) };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("ClaimDesk/1.0 (+fact-check back office)");
    }

    public sealed record Response(HttpStatusCode Status, Uri FinalUrl, string? ContentType, byte[] Body);

    public async Task<Response> GetAsync(Uri url, CancellationToken ct) =>
        await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), url, ct);

    /// <summary>Sends a request built for each hop; redirects are followed only for GET.</summary>
    public async Task<Response> SendAsync(Func<HttpRequestMessage> build, Uri url, CancellationToken ct, bool followRedirects = true)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (OutboundAddressPolicy.RefuseUrl(current, _options.AllowPrivateNetworks) is { } reason
                && !(System.Net.IPAddress.TryParse(current.IdnHost.Trim('[', ']'), out var literal) && _options.Allows(literal)))
                throw new OutboundRefusedException(reason);
            using var request = build();
            request.RequestUri = current;
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (HttpRequestException ex) when (ex.InnerException is OutboundRefusedException refused)
            {
                throw refused;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new OutboundRefusedException($"no answer within {_options.TimeoutSeconds} s");
            }
            using (response)
            {
                if (followRedirects && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects) throw new OutboundRefusedException($"more than {_options.MaxRedirects} redirects");
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                if (response.Content.Headers.ContentLength > _options.MaxResponseBytes)
                    throw new OutboundRefusedException($"the answer is larger than {_options.MaxResponseBytes / 1024 / 1024} MB");
                var body = await ReadLimitedAsync(response, ct);
                return new Response(response.StatusCode, current, response.Content.Headers.ContentType?.MediaType, body);
            }
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > _options.MaxResponseBytes)
                throw new OutboundRefusedException($"the answer is larger than {_options.MaxResponseBytes / 1024 / 1024} MB");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public void Dispose() => _client.Dispose();
}
