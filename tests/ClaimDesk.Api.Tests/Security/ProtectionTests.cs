using System.Net;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Security;

/// <summary>A desk with a low rate limit, for the 429 test only.</summary>
public sealed class RateLimitedDesk : ClaimDeskApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("ClaimDesk:RateLimit:PermitsPerMinute", "12")];
}

[Collection(RestartCollection.Name)]
public sealed class ProtectionTests
{
    [Fact]
    public async Task Over_the_limit_an_api_key_gets_429_with_retry_after_and_other_keys_are_unaffected()
    {
        await using var desk = new RateLimitedDesk();
        var other = desk.ClientWithKey(await desk.IssueKeyAsync("other-tool", ClaimDesk.Core.Domain.Role.Reader));
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 30 && limited is null; i++)
        {
            var response = await desk.Admin.GetAsync("/api/v1/claims");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }

        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(429, (await limited.ProblemAsync()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/claims")).StatusCode);
    }

    [Fact]
    public async Task Health_probes_are_never_rate_limited_even_when_anonymous_traffic_is()
    {
        await using var desk = new RateLimitedDesk();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 30 && limited is null; i++)
        {
            var response = await desk.Anonymous.GetAsync("/openapi/v1.json");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }
        Assert.NotNull(limited); // anonymous traffic from this address is over its limit...

        for (var i = 0; i < 30; i++)
        {
            // ...and the probes still answer: a 429 would make the orchestrator restart a healthy instance.
            Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.GetAsync("/health/ready")).StatusCode);
        }
    }
}

[Collection(ApiCollection.Name)]
public sealed class SecurityHeaderTests(ClaimDeskApiFactory desk)
{
    [Fact]
    public async Task Answers_carry_the_security_headers()
    {
        var response = await desk.Admin.GetAsync("/api/v1/claims");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var problem = await desk.Anonymous.GetAsync("/api/v1/claims");
        Assert.Equal("nosniff", problem.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
