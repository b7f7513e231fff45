using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Infrastructure.Outbound;

/// <summary>
/// The HTTP client for outbound requests: follows redirects itself (each hop re-checked), connects only to addresses
/// the policy allows (checked after DNS resolution, on the address actually dialled), stops reading past the size limit,
/// and gives the whole exchange — every hop, headers and body — one deadline, so a server that drips its answer cannot
/// hold a job worker. It never uses the environment's proxy; a configured proxy gets only targets checked here first.
/// Every failure comes out as an <see cref="OutboundRefusedException"/> (a cancelled caller sees its cancellation).
/// </summary>
public sealed class SafeHttpClient : IDisposable
{
    public const string NotAllowed = "the address is not allowed";
    public const string Unreachable = "the server could not be reached";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client;
    private readonly OutboundOptions _options;
    private readonly Uri? _proxy;

    public SafeHttpClient(IOptions<OutboundOptions> options)
    {
        _options = options.Value;
        _proxy = ParseProxy(_options.Proxy);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // Without a proxy of its own the handler would take HttpClient.DefaultProxy (HTTP_PROXY), and the guard
            // would only ever see the proxy's address.
            UseProxy = _proxy is not null,
            Proxy = _proxy is null ? null : new WebProxy(new Uri($"{_proxy.Scheme}://{_proxy.Authority}")) { BypassProxyOnLocal = false, Credentials = ProxyCredentials(_proxy) },
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = ConnectTimeout,
            ConnectCallback = ConnectAsync,
        };
        // The deadline is SendAsync's own, body included; HttpClient's timeout would stop at the headers.
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("ClaimDesk/1.0 (+fact-check back office)");
    }

    public sealed record Response(HttpStatusCode Status, Uri FinalUrl, string? ContentType, byte[] Body);

    public async Task<Response> GetAsync(Uri url, CancellationToken ct) =>
        await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), url, ct);

    /// <summary>Sends a request built for each hop; redirects are followed only for GET.</summary>
    public async Task<Response> SendAsync(Func<HttpRequestMessage> build, Uri url, CancellationToken ct, bool followRedirects = true)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            return await ExchangeAsync(build, url, followRedirects, deadline.Token);
        }
        catch (Exception ex) when ((ex is OperationCanceledException or HttpRequestException or IOException) && deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new OutboundRefusedException($"the server did not answer within {_options.TimeoutSeconds} s",
                $"no complete answer from {url.Authority} within {_options.TimeoutSeconds} s");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new OutboundRefusedException(Unreachable, $"no connection to {url.Authority} within {ConnectTimeout.TotalSeconds} s");
        }
        catch (HttpRequestException ex) when (ex.InnerException is OutboundRefusedException refused)
        {
            throw refused;
        }
        catch (HttpRequestException ex)
        {
            throw new OutboundRefusedException(Unreachable, Describe(ex));
        }
        catch (IOException ex)
        {
            throw new OutboundRefusedException("the connection broke before the answer was complete", Describe(ex));
        }
    }

    private async Task<Response> ExchangeAsync(Func<HttpRequestMessage> build, Uri url, bool followRedirects, CancellationToken ct)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (OutboundAddressPolicy.RefuseUrl(current, _options) is { } reason)
                throw new OutboundRefusedException(NotAllowed, $"{current.IdnHost} is refused: {reason}");
            if (_proxy is not null) await CheckProxiedTargetAsync(current, ct);
            using var request = build();
            request.RequestUri = current;
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (followRedirects && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop >= _options.MaxRedirects) throw new OutboundRefusedException($"more than {_options.MaxRedirects} redirects");
                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }
            if (response.Content.Headers.ContentLength > _options.MaxResponseBytes) throw TooLarge();
            var body = await ReadLimitedAsync(response, ct);
            return new Response(response.StatusCode, current, response.Content.Headers.ContentType?.MediaType, body);
        }
    }

    /// <summary>
    /// A proxy resolves and connects to the target itself, where the connect-time check cannot see it: resolve the target
    /// here and refuse it unless every address it has is allowed (the proxy may pick any of them).
    /// </summary>
    private async Task CheckProxiedTargetAsync(Uri target, CancellationToken ct)
    {
        var host = target.IdnHost.Trim('[', ']');
        var addresses = await ResolveAsync(host, ct);
        if (addresses.FirstOrDefault(a => !_options.Allows(a)) is { } refused)
            throw new OutboundRefusedException(NotAllowed, $"{host} resolves to {refused}: {OutboundAddressPolicy.RefuseAddress(refused, _options)}; the proxy was not asked");
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var endpoint = context.DnsEndPoint;
        var host = endpoint.Host.Trim('[', ']');
        // The configured proxy is the operator's choice (often on the desk's own network); its targets were checked above.
        var toProxy = _proxy is not null && host.Equals(_proxy.IdnHost.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) && endpoint.Port == _proxy.Port;
        var addresses = await ResolveAsync(host, ct);
        var allowed = toProxy ? addresses : addresses.Where(_options.Allows).ToArray();
        if (allowed.Length == 0)
            throw new OutboundRefusedException(NotAllowed, $"{host} resolves to {addresses[0]}: {OutboundAddressPolicy.RefuseAddress(addresses[0], _options)}");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var literal)) return [literal];
        IPAddress[] addresses;
        try
        {
            // WaitAsync: a resolver that ignores cancellation must not outlive the deadline either.
            addresses = await Dns.GetHostAddressesAsync(host, ct).WaitAsync(ct);
        }
        catch (SocketException ex)
        {
            throw new OutboundRefusedException(Unreachable, $"{host} does not resolve: {ex.Message}");
        }
        return addresses.Length > 0 ? addresses : throw new OutboundRefusedException(Unreachable, $"{host} resolves to no address");
    }

    private async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > _options.MaxResponseBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private OutboundRefusedException TooLarge() =>
        new($"the response was larger than {(_options.MaxResponseBytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture)} MB");

    private static string Describe(Exception ex) => ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;

    private static Uri? ParseProxy(string? proxy)
    {
        if (string.IsNullOrWhiteSpace(proxy)) return null;
        // Not echoed in the message: it may carry the proxy's password.
        return OutboundOptions.TryParseProxy(proxy, out var uri) ? uri
            : throw new InvalidOperationException("ClaimDesk:Outbound:Proxy must be an absolute http:// URL (http://host:port).");
    }

    private static NetworkCredential? ProxyCredentials(Uri proxy)
    {
        if (string.IsNullOrEmpty(proxy.UserInfo)) return null;
        var parts = proxy.UserInfo.Split(':', 2);
        return new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    public void Dispose() => _client.Dispose();
}
