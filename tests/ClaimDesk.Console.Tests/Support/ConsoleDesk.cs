using System.Collections.Concurrent;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimDesk.WebConsole.Tests.Support;

/// <summary>
/// The real desk (SQLite file, Hangfire processing) listening on a loopback port, so a real browser can reach it; one
/// shared Chromium for the suite, started on first use. Environment "Testing": cookies are Secure, as in production.
/// </summary>
public sealed class ConsoleDesk : ClaimDeskApiFactory
{
    private readonly ConcurrentDictionary<string, string> _keys = new();
    private readonly Lazy<Browser> _browser;

    public ConsoleDesk()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        _browser = new Lazy<Browser>(() => Browser.Start(BaseAddress));
    }

    public Uri BaseAddress { get; }

    /// <summary>The suite's browser; each test signs in as whom it needs.</summary>
    public Browser Browser => _browser.Value;

    /// <summary>A personal key for a named person, issued through the admin API once.</summary>
    public async Task<string> KeyAsync(string name, Role role)
    {
        if (_keys.TryGetValue(name, out var key)) return key;
        key = await IssueKeyAsync(name, role);
        _keys[name] = key;
        return key;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _browser.IsValueCreated) _browser.Value.Dispose();
        base.Dispose(disposing);
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleDesk>
{
    public const string Name = "console";
}
