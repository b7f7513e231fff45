using ClaimDesk.Api.Endpoints;
using ClaimDesk.Api.Infrastructure;
using ClaimDesk.Core;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Security;
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

builder.Services.Configure<JsonOptions>(o => StrictJson.Configure(o.SerializerOptions));
// Malformed bodies throw so that the exception handler answers them as problem details, not as empty 400s.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddClaimDeskRateLimits(builder.Configuration);
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization(options =>
{
    foreach (var (policy, roles) in RolePermissions.Policies)
        options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
    // Every endpoint needs a key unless it says otherwise (health probes and API docs do).
    options.FallbackPolicy = options.GetPolicy(RolePermissions.Read);
});

builder.Services.AddOpenApi(options => options.AddSchemaTransformer(StrictEnumSchemas.TransformAsync).AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "ClaimDesk API";
    document.Info.Description = "Claim verification back office: articles, claims, evidence, review workflow, ClaimReview export.";
    document.Components ??= new();
    document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
    document.Components.SecuritySchemes["ApiKey"] = new Microsoft.OpenApi.OpenApiSecurityScheme
    {
        Type = Microsoft.OpenApi.SecuritySchemeType.Http, Scheme = "bearer", Description = "Authorization: Bearer <api key>",
    };
    document.Security ??= [];
    document.Security.Add(new Microsoft.OpenApi.OpenApiSecurityRequirement
    {
        [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("ApiKey", document)] = [],
    });
    return Task.CompletedTask;
}));

builder.Services.AddHealthChecks()
    .AddDbContextCheck<ClaimDeskDbContext>("database", tags: ["ready"])
    .AddCheck<JobStorageHealthCheck>("jobStorage", tags: ["ready"]);

var app = builder.Build();

var migrateOnly = args.Contains("--migrate");
await DatabaseStartup.PrepareAsync(app, migrate: migrateOnly || provider == DatabaseProvider.Sqlite);
if (migrateOnly) return 0;
await RecoverySweep.StartAsync(app);
Observability.ObserveJobQueue(app.Services);

app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseStatusCodePages();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();

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
app.MapScalarApiReference().AllowAnonymous();
app.MapJobDashboard();

// Every API endpoint can answer these, whatever else it documents.
var api = app.MapGroup("/api/v1")
    .RefuseUnknownQueryParameters()
    .ProducesProblem(StatusCodes.Status401Unauthorized)
    .ProducesProblem(StatusCodes.Status403Forbidden)
    .ProducesProblem(StatusCodes.Status429TooManyRequests);
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
