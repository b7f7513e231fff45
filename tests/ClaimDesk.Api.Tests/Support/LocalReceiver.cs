using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// A real HTTP server on a loopback address, started by a test: receives webhooks (answering from a script of status
/// codes), and serves pages, feeds and redirects. Everything it received is kept for the test to inspect.
/// </summary>
public sealed class LocalReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, IHeaderDictionary Headers, string Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new();
    public ConcurrentQueue<Received> Requests { get; } = new();
    public Uri BaseAddress { get; }

    private LocalReceiver(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public static async Task<LocalReceiver> StartAsync(string address = "127.0.0.1")
    {
        var port = FreePort(address);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{address}:{port}");
        var app = builder.Build();
        var receiver = new LocalReceiver(app, new Uri($"http://{address}:{port}"));
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Status codes the webhook endpoint answers, in order; 200 once the script is used up.</summary>
    public void Answer(params int[] statusCodes)
    {
        foreach (var code in statusCodes) _script.Enqueue(code);
    }

    public void Serve(string path, string contentType, string body, int delayMs = 0) => _routes[path] = async context =>
    {
        if (delayMs > 0) await Task.Delay(delayMs, context.RequestAborted);
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    };

    public void Redirect(string path, string location) => _routes[path] = context =>
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    public Uri Url(string path) => new(BaseAddress, path);

    public Task<List<Received>> WaitForAsync(Func<List<Received>, bool> until, int seconds = 30) =>
        Eventually.ReadUntilAsync(() => Task.FromResult(Requests.ToList()), until, seconds);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new Received(context.Request.Path, new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), body));
        if (_routes.TryGetValue(context.Request.Path, out var route))
        {
            await route(context);
            return;
        }
        context.Response.StatusCode = _script.TryDequeue(out var code) ? code : 200;
    }

    private static int FreePort(string address)
    {
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
