using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// A desk allowed to reach one internal address, 127.0.0.1 (ClaimDesk:Outbound:AllowAddresses), where tests start their
/// local receivers, as a desk whose tools live on its own network would allow theirs; short webhook retries and outbound
/// limits keep the tests fast. Every log line is captured.
/// </summary>
public sealed class PrivateNetworkDesk : ClaimDeskApiFactory
{
    public ConcurrentQueue<string> Logs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => Settings;

    public static readonly KeyValuePair<string, string>[] Settings =
    [
        new("ClaimDesk:Outbound:AllowAddresses:0", "127.0.0.1"),
        new("ClaimDesk:Outbound:TimeoutSeconds", "3"),
        new("ClaimDesk:Outbound:MaxResponseBytes", "1048576"),
        new("ClaimDesk:Webhooks:RetryDelaysSeconds:0", "1"),
        new("ClaimDesk:Webhooks:RetryDelaysSeconds:1", "1"),
        new("ClaimDesk:Webhooks:RetryDelaysSeconds:2", "1"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(new CapturingLoggerProvider(Logs));
        }));
    }

    internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(sink, categoryName);
        public void Dispose() { }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}

[CollectionDefinition(Name)]
public sealed class PrivateNetworkCollection : ICollectionFixture<PrivateNetworkDesk>
{
    public const string Name = "private-network";
}
