using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Domain;
using ClaimDesk.WebConsole.Tests.Support;

namespace ClaimDesk.WebConsole.Tests;

/// <summary>What each role is offered, and that the server refuses the rest whatever a form says.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RolesAndFormsTests(ConsoleDesk desk)
{
    [Fact]
    public async Task A_reader_sees_no_action_buttons_and_a_forged_move_is_refused_with_403()
    {
        var claimId = await desk.ClaimNeedingReviewAsync();
        var browser = desk.Browser;
        browser.SignIn(await desk.KeyAsync("rob-reader", Role.Reader));

        browser.Open($"/console/claims/{claimId}");
        Assert.Equal("needs review", browser.Text("[data-testid=claim-status]"));
        Assert.Empty(browser.FindAll("main form[method=post]"));
        Assert.Empty(browser.FindAll("main button[type=submit]"));
        browser.Open("/console?status=needsReview");
        Assert.True(browser.Has($"li.queue-item[data-claim-id='{claimId}']"));
        Assert.Empty(browser.FindAll("form.take"));

        // The reader's own session and form token, posting what the page never offered.
        using var forger = new ConsoleHttp(desk.BaseAddress, browser.CookieHeader());
        var token = await forger.TokenAsync($"/console/claims/{claimId}"); // the sign-out form's
        var version = (await desk.ClaimAsync(claimId)).GetProperty("version").GetInt32();
        var move = await forger.PostAsync($"/console/claims/{claimId}?handler=Move",
            new() { ["to"] = "inReview", ["Version"] = version.ToString(), ["Seen"] = "0" }, token);
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Contains("does not allow", await move.Content.ReadAsStringAsync());
        var take = await forger.PostAsync($"/console?handler=Take", new() { ["claimId"] = claimId.ToString(), ["version"] = version.ToString() }, token);
        Assert.Equal(HttpStatusCode.Forbidden, take.StatusCode);

        var claim = await desk.ClaimAsync(claimId);
        Assert.Equal("needsReview", claim.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("assignee").ValueKind);
        Assert.Equal(version, claim.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_reviewer_is_not_offered_key_management_and_cannot_reach_it()
    {
        var browser = desk.Browser;
        browser.SignIn(await desk.KeyAsync("rita-reviewer", Role.Reviewer));
        Assert.DoesNotContain(browser.FindAll("header nav a"), a => a.Text.Contains("API keys"));
        browser.Open("/console/admin/keys");
        Assert.Contains("does not allow", browser.Text("[data-testid=outcome]"));

        using var http = new ConsoleHttp(desk.BaseAddress, browser.CookieHeader());
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/console/admin/keys")).StatusCode);
        var token = await http.TokenAsync("/console");
        var create = await http.PostAsync("/console/admin/keys?handler=Create", new() { ["name"] = "sneaky-admin", ["role"] = "admin" }, token);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        var keys = await desk.Admin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys");
        Assert.DoesNotContain(keys.GetProperty("items").EnumerateArray(), k => k.GetProperty("name").GetString() == "sneaky-admin");
    }

    [Fact]
    public async Task A_change_without_or_with_a_wrong_antiforgery_token_is_refused_and_a_stale_version_is_a_412()
    {
        var claimId = await desk.ClaimNeedingReviewAsync();
        using var reviewer = await ConsoleHttp.SignInAsync(desk.BaseAddress, await desk.KeyAsync("ravi-reviewer", Role.Reviewer));
        var page = $"/console/claims/{claimId}";
        var token = await reviewer.TokenAsync(page);
        var version = (await desk.ClaimAsync(claimId)).GetProperty("version").GetInt32();
        var form = new Dictionary<string, string> { ["Version"] = version.ToString(), ["Seen"] = "0" };

        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsync(page + "?handler=Take", form, token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsync(page + "?handler=Take", form, token: token[..^4] + "AAAA")).StatusCode);
        // A token issued to another session is no token for this one.
        using var other = await ConsoleHttp.SignInAsync(desk.BaseAddress, await desk.KeyAsync("rosa-reviewer", Role.Reviewer));
        var othersToken = await other.TokenAsync(page);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsync(page + "?handler=Take", form, othersToken)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await desk.ClaimAsync(claimId)).GetProperty("assignee").ValueKind);

        // The right token with a version that is no longer current: refused as the API refuses it, and said so.
        var stale = await reviewer.PostAsync(page + "?handler=Take", new() { ["Version"] = (version - 1).ToString(), ["Seen"] = "0" }, token);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("Someone changed this claim since you opened it", await stale.Content.ReadAsStringAsync());

        var taken = await reviewer.PostAsync(page + "?handler=Take", form, token);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal("ravi-reviewer", (await desk.ClaimAsync(claimId)).GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task An_admin_issues_a_key_whose_secret_shows_once_and_revoking_it_ends_its_sessions()
    {
        var browser = desk.Browser;
        browser.SignIn(ClaimDeskApiFactory.AdminKey);
        browser.Open("/console/admin/keys");
        browser.Find("#key-name").SendKeys("tess-temporary");
        browser.Find("form[action*='handler=Create'] button[type=submit]").Click();
        browser.WaitFor(() => browser.Has("[data-testid=secret]"), "the new key's secret");
        var secret = browser.Text("[data-testid=secret]");
        browser.Open("/console/admin/keys");
        Assert.False(browser.Has("[data-testid=secret]"));
        Assert.DoesNotContain(secret, browser.Driver.PageSource);

        using var tess = await ConsoleHttp.SignInAsync(desk.BaseAddress, secret);
        Assert.Equal(HttpStatusCode.OK, (await tess.GetAsync("/console")).StatusCode);

        browser.Find("tr[data-key-name='tess-temporary'] button").Click();
        browser.WaitFor(() => browser.Has("[role=status]") && browser.Text("[role=status]").Contains("revoked"), "the revocation notice");
        var afterRevocation = await tess.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, afterRevocation.StatusCode);
        Assert.Contains("/console/sign-in", afterRevocation.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_job_dashboard_opens_for_an_admin_session_and_for_nobody_else_without_a_key()
    {
        using var admin = await ConsoleHttp.SignInAsync(desk.BaseAddress, ClaimDeskApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
        using var reviewer = await ConsoleHttp.SignInAsync(desk.BaseAddress, await desk.KeyAsync("rita-reviewer", Role.Reviewer));
        Assert.NotEqual(HttpStatusCode.OK, (await reviewer.GetAsync("/hangfire")).StatusCode);
        using var anonymous = new ConsoleHttp(desk.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_httponly_secure_and_strict_pages_carry_their_own_csp_and_a_wrong_key_is_refused()
    {
        using var anonymous = new ConsoleHttp(desk.BaseAddress);
        var root = await anonymous.GetAsync("/");
        Assert.Equal("/console", root.Headers.Location?.ToString());
        var queue = await anonymous.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.Contains("/console/sign-in", queue.Headers.Location!.ToString());

        var token = await anonymous.TokenAsync("/console/sign-in");
        var wrong = await anonymous.PostAsync("/console/sign-in", new() { ["ApiKey"] = "cdk_aaaaaaaaaa_notarealkeynotarealkeynotarealkey" }, token);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("not valid", await wrong.Content.ReadAsStringAsync());

        var signIn = await anonymous.PostAsync("/console/sign-in", new() { ["ApiKey"] = await desk.KeyAsync("rita-reviewer", Role.Reviewer) }, token);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = anonymous.LastSetCookies.Single(c => c.StartsWith("claimdesk.session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", session);
        Assert.Contains("secure", session);
        Assert.Contains("samesite=strict", session);
        Assert.DoesNotContain("expires=", session); // a browser session; the server side slides over 8 hours

        var page = await anonymous.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_opens_every_admin_page_and_a_reader_only_those_a_reader_may_read()
    {
        string[] everyone = ["/console/admin/outlets", "/console/admin/feeds", "/console/articles"];
        string[] integrations = ["/console/admin/webhooks", "/console/admin/keys"];
        using var admin = await ConsoleHttp.SignInAsync(desk.BaseAddress, ClaimDeskApiFactory.AdminKey);
        foreach (var page in everyone.Concat(integrations))
        {
            var answer = await admin.GetAsync(page);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{page}: {answer.StatusCode}");
            Assert.Contains("<h1>", await answer.Content.ReadAsStringAsync());
        }
        var webhooks = await admin.GetStringAsync("/console/admin/webhooks");
        Assert.Contains("claim.verdict_published", webhooks);

        using var reader = await ConsoleHttp.SignInAsync(desk.BaseAddress, await desk.KeyAsync("rob-reader", Role.Reader));
        foreach (var page in everyone)
        {
            var html = await (await reader.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("handler=", html); // nothing to post: no form but signing out
        }
        foreach (var page in integrations) Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/console/claims/987654321")).StatusCode);
    }
}
