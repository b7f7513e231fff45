using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Api.Tests.Security;

/// <summary>A desk that keeps every log entry with its level and exception.</summary>
public sealed class LogCapturingDesk : ClaimDeskApiFactory
{
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddProvider(new Provider(Entries));
        }));
    }

    private sealed class Provider(ConcurrentQueue<Entry> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(sink, categoryName);
        public void Dispose() { }
    }

    private sealed class Logger(ConcurrentQueue<Entry> sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
    }
}

[Collection(RestartCollection.Name)]
public sealed class IdempotencyLoggingTests
{
    [Fact]
    public async Task Racing_requests_with_one_idempotency_key_register_once_and_log_no_error_or_stack_trace()
    {
        await using var desk = new LogCapturingDesk();
        var article = await desk.Admin.RegisterOwnArticleAsync();
        var conflicts = 0;
        var texts = new List<string>();

        // Fire bursts until two requests have met on the same key at the moment of taking it (the middleware says so
        // at information level), or something was logged as an error.
        for (var round = 0; round < 40; round++)
        {
            var key = Guid.NewGuid().ToString();
            var text = $"The council approved plan {round} on Tuesday.";
            texts.Add(text);
            var burst = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims") { Content = JsonContent.Create(new { articleId = article.Id(), text }) };
                request.Headers.Add("Idempotency-Key", key);
                return desk.Admin.SendAsync(request);
            }));
            Assert.All(burst, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
            conflicts += burst.Count(r => r.StatusCode == HttpStatusCode.Conflict);
            if (desk.Entries.Any(e => e.Level >= LogLevel.Error || IsKeyInUseNote(e))) break;
        }

        Assert.True(conflicts > 0);
        Assert.Empty(desk.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Level} {e.Category}: {e.Message}"));
        Assert.Empty(desk.Entries.Where(e => e.Exception is not null).Select(e => $"{e.Level} {e.Category}: {e.Message}"));
        Assert.Contains(desk.Entries, IsKeyInUseNote);
        // Each burst registered its claim exactly once.
        foreach (var text in texts)
        {
            var found = await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?q={Uri.EscapeDataString(text)}");
            Assert.Equal(1, found.GetProperty("total").GetInt32());
        }
    }

    private static bool IsKeyInUseNote(LogCapturingDesk.Entry e) =>
        e.Level == LogLevel.Information && e.Category.EndsWith("IdempotencyMiddleware", StringComparison.Ordinal) && e.Exception is null;
}
