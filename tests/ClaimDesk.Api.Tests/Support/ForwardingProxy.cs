using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// A tiny forwarding HTTP proxy on a loopback address, like the one a newsroom puts in HTTP_PROXY: it takes
/// absolute-form requests ("GET http://host:port/path HTTP/1.1"), resolves and connects to the host itself, forwards the
/// request and pipes the answer back, one request per connection. It refuses CONNECT (the tests use plain http).
/// Every target it was asked for is kept, so a test can tell whether the desk used it.
/// </summary>
public sealed class ForwardingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    public ConcurrentQueue<Uri> Targets { get; } = new();
    public Uri Address { get; }

    public ForwardingProxy(string address = "127.0.0.1")
    {
        _listener = new TcpListener(IPAddress.Parse(address), 0);
        _listener.Start();
        Address = new Uri($"http://{address}:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
                connections.Add(ForwardAsync(await _listener.AcceptTcpClientAsync(_stop.Token)));
        }
        catch (OperationCanceledException) { }
        catch (SocketException) { }
        await Task.WhenAll(connections);
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var accepted = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        var downstream = client.GetStream();
        try
        {
            var (head, rest) = await ReadHeadAsync(downstream, ct);
            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            if (requestLine.Length != 3 || !Uri.TryCreate(requestLine[1], UriKind.Absolute, out var target) || requestLine[0] == "CONNECT")
            {
                await downstream.WriteAsync("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), ct);
                return;
            }
            Targets.Enqueue(target);

            // Origin-form to the server, one request per connection; the proxy's own headers stay here.
            var forwarded = new StringBuilder($"{requestLine[0]} {target.PathAndQuery} {requestLine[2]}\r\n");
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
                if (!line.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase))
                    forwarded.Append(line).Append("\r\n");
            forwarded.Append("Connection: close\r\n\r\n");

            using var server = new TcpClient();
            await server.ConnectAsync(target.IdnHost.Trim('[', ']'), target.Port, ct);
            var upstream = server.GetStream();
            await upstream.WriteAsync(Encoding.ASCII.GetBytes(forwarded.ToString()), ct);
            await upstream.WriteAsync(rest, ct);
            var body = downstream.CopyToAsync(upstream, ct); // the rest of a request body, if any
            await upstream.CopyToAsync(downstream, ct);
            _ = body.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    /// <summary>The request line and headers, and whatever was read past them (the start of a body).</summary>
    private static async Task<(string Head, byte[] BodyStart)> ReadHeadAsync(NetworkStream stream, CancellationToken ct)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0 || received.Count > 64 * 1024) throw new IOException("the request ended early");
            received.AddRange(buffer.AsSpan(0, read));
            var end = IndexOfBlankLine(received);
            if (end >= 0) return (Encoding.ASCII.GetString(received.ToArray(), 0, end), received.Skip(end + 4).ToArray());
        }
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
