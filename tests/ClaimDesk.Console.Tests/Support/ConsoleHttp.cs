using System.Net;
using System.Text.RegularExpressions;

namespace ClaimDesk.WebConsole.Tests.Support;

/// <summary>
/// A plain HTTP client holding a console session's cookies by hand (HttpClient's cookie jar will not send Secure cookies
/// over the loopback's plain HTTP, the browser does): what a forger would send, and the status codes a browser hides.
/// </summary>
public sealed partial class ConsoleHttp : IDisposable
{
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public ConsoleHttp(Uri baseAddress, string? cookieHeader = null)
    {
        _client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        foreach (var pair in (cookieHeader ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            _cookies[pair[..at]] = pair[(at + 1)..];
        }
    }

    /// <summary>The Set-Cookie headers of the last answer, as sent.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    /// <summary>Signs in over plain HTTP, as the sign-in form does.</summary>
    public static async Task<ConsoleHttp> SignInAsync(Uri baseAddress, string key)
    {
        var http = new ConsoleHttp(baseAddress);
        var token = await http.TokenAsync("/console/sign-in");
        var answer = await http.PostAsync("/console/sign-in", new() { ["ApiKey"] = key, ["TimeZone"] = "UTC" }, token);
        if (answer.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {answer.StatusCode}");
        return http;
    }

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    public async Task<string> GetStringAsync(string path) => await (await GetAsync(path)).Content.ReadAsStringAsync();

    /// <summary>The antiforgery token a page's forms carry (and the cookie it pairs with, kept).</summary>
    public async Task<string> TokenAsync(string path)
    {
        var html = await GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"{path} has no form token");
    }

    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form, string? token)
    {
        var fields = new Dictionary<string, string>(form);
        if (token is not null) fields["__RequestVerificationToken"] = token;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _client.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        foreach (var cookie in LastSetCookies)
        {
            var pair = cookie.Split(';')[0];
            var at = pair.IndexOf('=');
            var (name, value) = (pair[..at], pair[(at + 1)..]);
            if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
            else _cookies[name] = value;
        }
        return response;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
