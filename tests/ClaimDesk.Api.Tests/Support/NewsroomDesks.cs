using System.Net;

namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// Desks on a newsroom network, where an HTTP proxy is set in the environment (HTTP_PROXY) for every program:
/// <see cref="Ambient"/> allows private networks and configures no proxy of its own; <see cref="Proxied"/> is told to
/// use the desk proxy (ClaimDesk:Outbound:Proxy) and allows one address, 127.0.0.2.
/// The environment proxy is process-wide (<see cref="HttpClient.DefaultProxy"/>, read from HTTP_PROXY on first use), so
/// it is set here, before either desk sends anything, and put back when the collection ends; the collection runs alone.
/// </summary>
public sealed class NewsroomDesks : IAsyncLifetime
{
    private readonly IWebProxy _previousDefaultProxy = HttpClient.DefaultProxy;
    public ForwardingProxy EnvironmentProxy { get; } = new("127.0.0.3");
    public ForwardingProxy DeskProxy { get; } = new("127.0.0.4");
    public ClaimDeskApiFactory Ambient { get; }
    public ClaimDeskApiFactory Proxied { get; }

    public NewsroomDesks()
    {
        // What HTTP_PROXY=http://127.0.0.3:port gives every HttpClient that does not say otherwise.
        HttpClient.DefaultProxy = new WebProxy(EnvironmentProxy.Address) { BypassProxyOnLocal = false };
        Ambient = new ConfiguredDesk(new("ClaimDesk:Outbound:AllowPrivateNetworks", "true"), new("ClaimDesk:Outbound:TimeoutSeconds", "3"));
        Proxied = new ConfiguredDesk(new("ClaimDesk:Outbound:Proxy", DeskProxy.Address.ToString()),
            new("ClaimDesk:Outbound:AllowAddresses:0", "127.0.0.2"), new("ClaimDesk:Outbound:TimeoutSeconds", "3"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Ambient.DisposeAsync();
        await Proxied.DisposeAsync();
        HttpClient.DefaultProxy = _previousDefaultProxy;
        await EnvironmentProxy.DisposeAsync();
        await DeskProxy.DisposeAsync();
    }

    private sealed class ConfiguredDesk(params KeyValuePair<string, string>[] settings) : ClaimDeskApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => settings;
    }
}

/// <summary>Changes the process-wide default proxy, so nothing else may run beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NewsroomCollection : ICollectionFixture<NewsroomDesks>
{
    public const string Name = "newsroom";
}

/// <summary>
/// A name other than "localhost" that this machine resolves to loopback only: one that /etc/hosts maps to a loopback
/// address. (The machine's own name will not do: .NET answers it with every interface's address.)
/// </summary>
public static class LoopbackName
{
    public static string Find()
    {
        var listed = File.Exists("/etc/hosts")
            ? File.ReadLines("/etc/hosts").Select(l => l.Split('#')[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length > 1 && IPAddress.TryParse(f[0], out var a) && IPAddress.IsLoopback(a)).SelectMany(f => f.Skip(1))
            : [];
        var name = listed.Concat(["localhost.localdomain", "ip6-localhost", "ip6-loopback"])
            .Where(n => !n.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !n.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(n =>
            {
                try { return Dns.GetHostAddresses(n) is { Length: > 0 } all && all.All(IPAddress.IsLoopback); }
                catch (System.Net.Sockets.SocketException) { return false; }
            });
        Assert.True(name is not null, "no name on this machine resolves to loopback only, other than localhost");
        return name;
    }
}
