using ClaimDesk.Api.Contract;
using ClaimDesk.Api.Endpoints;
using ClaimDesk.Api.Infrastructure;
using ClaimDesk.Core;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Security;
using ClaimDesk.WebConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

// `--probe <url>`: a container health check without curl in the image — exit 0 when the URL answers 2xx.
if (args.Length == 2 && args[0] == "--probe") return await HealthProbe.RunAsync(args[1]);

var builder = WebApplication.CreateBuilder(args);
var processRole = HangfireSetup.RoleFrom(builder.Configuration);
var provider = DependencyInjection.DatabaseProviderFrom(builder.Configuration);

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestSizeLimitMiddleware.MaxBodyBytes);

builder.AddClaimDeskObservability();
builder.Services.AddClaimDeskCore(builder.Configuration);
builder.Services.AddClaimDeskJobs(builder.Configuration);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentActor, HttpCurrentActor>();
builder.Services.AddSingleton<ApiKeyCache>();
builder.Services.AddScoped<IConsoleKeys, ConsoleKeys>();
builder.Services.AddClaimDeskConsole(builder.Environment);

builder.Services.Configure<JsonOptions>(o => StrictJson.Configure(o.SerializerOptions));
// Malformed bodies throw so that the exception handler answers them as problem details, not as empty 400s.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// Every problem, ours or the framework's, gets its code, its type URI and the trace id in one place.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCatalog.Complete);
builder.Services.AddClaimDeskRateLimits(builder.Configuration);
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

// The API answers to API keys; the console (/console) to the session cookie a person gets by signing in with theirs.
// Both carry the same claims (name, role, key id), so roles, the audit log and rate limits treat them alike.
const string deskScheme = "ApiKeyOrConsoleSession";
builder.Services.AddAuthentication(deskScheme)
    .AddPolicyScheme(deskScheme, "API key, or a console session under /console", o => o.ForwardDefaultSelector =
        context => ConsoleSetup.IsConsoleRequest(context) ? ConsoleSetup.Scheme : ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
    .AddConsoleSession(builder.Environment);
builder.Services.AddAuthorization(options =>
{
    foreach (var (policy, roles) in RolePermissions.Policies)
        options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
    // Every endpoint needs a key unless it says otherwise (health probes and API docs do).
    options.FallbackPolicy = options.GetPolicy(RolePermissions.Read);
});

// The OpenAPI document and its conventions, from endpoint metadata, in one place (Contract/OpenApiContract.cs).
builder.Services.AddClaimDeskOpenApi();

builder.Services.AddHealthChecks()
    .AddDbContextCheck<ClaimDeskDbContext>("database", tags: ["ready"])
    .AddCheck<JobStorageHealthCheck>("jobStorage", tags: ["ready"]);

var app = builder.Build();

var migrateOnly = args.Contains("--migrate");
await DatabaseStartup.PrepareAsync(app, migrate: migrateOnly || provider == DatabaseProvider.Sqlite);
if (migrateOnly) return 0;
await RecoverySweep.StartAsync(app);
Observability.ObserveJobQueue(app.Services);

app.UseServerTimingWhenConfigured(app.Configuration);
app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseStatusCodePages();
app.UseConsoleAssets();
// Before the size limit, so that a 413 carries the RateLimit fields too (they are written when the answer starts).
app.UseMiddleware<RateLimitHeadersMiddleware>();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();
// Again inside the idempotency middleware: an endpoint's error reaches it as the answer it is (a 404, a 409), which a
// retry with the same key then gets again.
app.UseExceptionHandler();
app.UseMiddleware<ConditionalGetMiddleware>();

// Probes are never rate limited: a 429 would make an orchestrator restart a healthy instance.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous().DisableRateLimiting();
if (processRole == ProcessRole.Worker)
{
    // A worker runs jobs; it answers health probes and nothing else.
    await app.RunAsync();
    return 0;
}
app.MapOpenApi().AllowAnonymous();
app.MapProblemPages();
app.MapScalarApiReference().AllowAnonymous();
app.MapJobDashboard();
// A browser opening the desk lands in the console (which asks for a sign-in).
app.MapGet("/", () => TypedResults.Redirect(ConsoleSetup.BasePath)).AllowAnonymous().ExcludeFromDescription();
app.MapClaimDeskConsole();

// Every API endpoint can answer these, whatever else it documents.
var api = app.MapGroup("/api/v1")
    .RefuseUnknownQueryParameters()
    // The schema of every problem answer (Contract/OpenApiContract.cs adds each operation's statuses from its metadata).
    .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDocument), ["application/problem+json"]));
api.MapArticleEndpoints();
api.MapOutletEndpoints();
api.MapSuggestionEndpoints();
api.MapClaimEndpoints();
api.MapReviewEndpoints();
api.MapClaimReviewEndpoints();
api.MapImportEndpoints();
api.MapApiKeyEndpoints();
api.MapWebhookEndpoints();
api.MapFeedEndpoints();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
