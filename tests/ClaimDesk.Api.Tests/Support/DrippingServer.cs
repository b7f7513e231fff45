using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// A hostile HTTP server on loopback: answers every request at once with headers that promise a large body, then sends
/// that body one byte at a time, slowly enough to hold a client for as long as it keeps reading (bounded: it gives up
/// by itself after <see cref="MaxDrip"/>). It notes when each request arrived and when the client hung up.
/// </summary>
public sealed class DrippingServer : IAsyncDisposable
{
    public static readonly TimeSpan MaxDrip = TimeSpan.FromSeconds(30);

    /// <summary>One exchange as the server saw it; <see cref="HungUpAfter"/> is null while the client still reads.</summary>
    public sealed class Exchange(string path)
    {
        public string Path { get; } = path;
        public long ArrivedAt { get; } = Stopwatch.GetTimestamp();
        public TimeSpan? HungUpAfter { get; internal set; }
    }

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly TimeSpan _interval;
    public ConcurrentQueue<Exchange> Exchanges { get; } = new();
    public Uri BaseAddress { get; }

    public DrippingServer(TimeSpan? interval = null)
    {
        _interval = interval ?? TimeSpan.FromMilliseconds(250);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Url(string path) => new(BaseAddress, path);

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
                connections.Add(ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token)));
        }
        catch (OperationCanceledException) { }
        catch (SocketException) { }
        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var accepted = client;
        using var drip = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        drip.CancelAfter(MaxDrip);
        var stream = client.GetStream();
        try
        {
            var head = await ReadHeadAsync(stream, drip.Token);
            var exchange = new Exchange(head.Split(' ', 3) is [_, var target, _] ? target : "?");
            Exchanges.Enqueue(exchange);
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n<html>"u8.ToArray(), drip.Token);
            // The client hangs up by closing: a read that ends (or fails) says when, to the millisecond.
            var hungUp = WaitForHangUpAsync(stream, exchange, drip.Token);
            while (!hungUp.IsCompleted && !drip.IsCancellationRequested)
            {
                await Task.WhenAny(hungUp, Task.Delay(_interval, drip.Token));
                if (!hungUp.IsCompleted) await stream.WriteAsync("x"u8.ToArray(), drip.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    private static async Task WaitForHangUpAsync(NetworkStream stream, Exchange exchange, CancellationToken ct)
    {
        var buffer = new byte[1024];
        try
        {
            while (await stream.ReadAsync(buffer, ct) > 0) { }
        }
        catch (Exception ex) when (ex is IOException or SocketException) { }
        catch (OperationCanceledException) { return; }
        exchange.HungUpAfter = Stopwatch.GetElapsedTime(exchange.ArrivedAt);
    }

    /// <summary>The request line and headers (a request body, if any, is left unread: it does not matter here).</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken ct)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, ct) == 0 || head.Length > 64 * 1024) throw new IOException("the request ended early");
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
