using ClaimDesk.Analysis.Embeddings;
using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Features.Corroboration;
using ClaimDesk.Core.Infrastructure.Embeddings;
using ClaimDesk.Core.Features.Webhooks;
using ClaimDesk.Core.Infrastructure.Claims;
using ClaimDesk.Core.Infrastructure.Webhooks;
using ClaimDesk.Core.Infrastructure.Outbound;
using Microsoft.AspNetCore.DataProtection;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Features.Review;
using ClaimDesk.Core.Features.Claims;
using ClaimDesk.Core.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ClaimDesk.Core.Infrastructure.Publishing;
using ClaimDesk.Core.Features.Imports;
using ClaimDesk.Core.Infrastructure.Search;

namespace ClaimDesk.Core;

public static class DependencyInjection
{
    /// <summary>The desk's domain: database, Mediator with its pipeline (log → validate → commit), validators.</summary>
    public static IServiceCollection AddClaimDeskCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClaimDeskDatabase(configuration);
        services.AddMediator((MediatorOptions options) =>
        {
            options.Namespace = "ClaimDesk.Core.Mediator";
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(CommitBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<ClaimDeskDbContext>(ServiceLifetime.Singleton);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ActingFor>();
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        services.AddScoped<AfterCommitActions>();
        services.AddScoped<IAfterCommit>(sp => sp.GetRequiredService<AfterCommitActions>());
        services.AddScoped<IdempotentRequest>();
        services.AddSingleton<IdempotentAnswerSeal>();
        // A rating scale that cannot be published stops the start; a missing public address only warns (DeskPublicationCheck).
        services.AddOptions<DeskOptions>().Bind(configuration.GetSection(DeskOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeskOptions>, DeskOptionsValidation>();
        services.AddHostedService<DeskPublicationCheck>();
        services.Configure<ReviewOptions>(configuration.GetSection(ReviewOptions.Section));
        // One model and one search index per process: both are expensive to build and safe to share.
        services.AddSingleton<ITextEmbedder, MiniLmTextEmbedder>();
        services.AddSingleton<PassageIndexCache>();
        services.AddSingleton<Analysis.Corroboration.IStanceModel>(_ => Analysis.Corroboration.LearnedStanceModel.Shipped);
        services.AddSingleton<ArticleJudge>();
        services.AddScoped<EvidenceFinder>();
        // A mistyped proxy or deadline stops the desk at start-up rather than failing every outbound job later.
        services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.Section))
            .Validate(o => o.TimeoutSeconds > 0 && (string.IsNullOrWhiteSpace(o.Proxy) || OutboundOptions.TryParseProxy(o.Proxy, out _)),
                "ClaimDesk:Outbound:TimeoutSeconds must be positive, and ClaimDesk:Outbound:Proxy, when set, an absolute http:// URL (http://host:port).")
            .ValidateOnStart();
        services.AddSingleton<SafeHttpClient>();
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddScoped<ISaveChangesObserver, WebhookOutbox>();
        services.AddSingleton<ClaimSourceCache>();
        // Hosted services stop in reverse order: the writer drains first, then the corroboration requests it made are queued.
        services.AddSingleton<CorroborationRequests>();
        services.AddHostedService(sp => sp.GetRequiredService<CorroborationRequests>());
        services.AddSingleton<ClaimRegistrationWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ClaimRegistrationWriter>());
        services.AddSingleton<WebhookSecrets>();
        // Keys in the database: every node can sign and verify what another node protected. A configured certificate
        // encrypts them there; without one they are stored as they are, and the start-up log says so.
        KeyRingProtection.Configure(
            services.AddDataProtection().SetApplicationName("ClaimDesk").PersistKeysToDbContext<ClaimDeskDbContext>(), configuration);
        return services;
    }

    public static DatabaseProvider DatabaseProviderFrom(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["ClaimDesk:Database"], ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    /// <summary>
    /// Contexts are pooled and their options built once per process: creating both per request cost more than many a
    /// request's query. The per-request part of saving — the webhook outbox — is handed to the context when the scope
    /// leases it, and the scope returns the context to the pool when it ends.
    /// </summary>
    private static void AddClaimDeskDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseDefaults.ConnectionStringName);
        switch (DatabaseProviderFrom(configuration))
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("ClaimDesk:Database is SqlServer but ConnectionStrings:ClaimDesk is empty.");
                services.AddPooledDbContextFactory<SqlServerClaimDeskDbContext>(o => o
                    .UseSqlServer(connectionString)
                    .ConfigureWarnings(LogDatabaseErrorsWhereTheyAreHandled)
                    .AddInterceptors(SaveChangesObserverInterceptor.Instance));
                services.AddScoped<ClaimDeskDbContext>(LeaseFromPool<SqlServerClaimDeskDbContext>);
                break;
            default:
                connectionString = SqliteConnections.Prepare(connectionString ?? DatabaseDefaults.SqliteConnectionString);
                services.AddPooledDbContextFactory<SqliteClaimDeskDbContext>(o => o
                    .UseSqlite(connectionString)
                    .ConfigureWarnings(LogDatabaseErrorsWhereTheyAreHandled)
                    // SQLite rebuilds a table to change a column, and EF brackets the rebuild with PRAGMA foreign_keys,
                    // which SQLite ignores inside a transaction; that is how EF migrates SQLite, not a fault of ours, and
                    // the warning it logs on every first start only taught readers to skim past warnings.
                    .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)))
                    .AddInterceptors(new SqlitePragmaInterceptor(), SaveChangesObserverInterceptor.Instance));
                services.AddScoped<ClaimDeskDbContext>(LeaseFromPool<SqliteClaimDeskDbContext>);
                break;
        }
        // For the hot paths that need a context only sometimes (a cache miss, a command that is not theirs to commit):
        // the scope's context, leased on first use.
        services.AddScoped(sp => new Lazy<ClaimDeskDbContext>(sp.GetRequiredService<ClaimDeskDbContext>));
    }

    /// <summary>
    /// A failed command or save reaches code that knows what it means: an expected conflict (an idempotency key or a
    /// unique name taken by a racing request, a stale version) becomes a 409 or 412 and at most an information line;
    /// anything else is logged once, as an error with its stack trace, by the API's exception handler or the job runner.
    /// EF's own entries would log every one of them again as an error, expected or not, so they are kept for debugging.
    /// </summary>
    private static void LogDatabaseErrorsWhereTheyAreHandled(WarningsConfigurationBuilder warnings) =>
        warnings.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug));

    private static ClaimDeskDbContext LeaseFromPool<TContext>(IServiceProvider services) where TContext : ClaimDeskDbContext
    {
        var db = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        db.SaveObserver = services.GetService<ISaveChangesObserver>();
        return db;
    }
}
