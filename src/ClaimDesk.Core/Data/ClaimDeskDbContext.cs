using System.Text.Json;
using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClaimDesk.Core.Data;

/// <summary>
/// The desk's database. The model is provider-neutral; <see cref="SqliteClaimDeskDbContext"/> and
/// <see cref="SqlServerClaimDeskDbContext"/> exist only so each provider keeps its own migrations.
/// </summary>
public abstract class ClaimDeskDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The scope's outbox, set when DI leases the context from the pool and cleared when the scope gives it back;
    /// contexts built by hand (tools, tests) have none.
    /// </summary>
    public ISaveChangesObserver? SaveObserver { get; internal set; }

    /// <summary>
    /// Set by the commit behavior for a command whose answer is stored with its change (it came with an Idempotency-Key):
    /// the first save opens a transaction, later saves join it, and the commit behavior commits it once the answer is written.
    /// Opened at the first save rather than before the handler, so a handler's reads take no write lock.
    /// </summary>
    internal bool DeferCommit { get; set; }

    /// <summary>
    /// Saves that committed on their own (no transaction open): the commit behavior reads it to know whether a failed
    /// command left anything behind, and so whether running it again is safe.
    /// </summary>
    internal int AutoCommits { get; private set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (DeferCommit && Database.CurrentTransaction is null) await Database.BeginTransactionAsync(cancellationToken);
        await Infrastructure.Events.ClaimEventLog.AssignSequencesAsync(this, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is null) AutoCommits++;
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (DeferCommit && Database.CurrentTransaction is null) Database.BeginTransaction();
        Infrastructure.Events.ClaimEventLog.AssignSequences(this);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (Database.CurrentTransaction is null) AutoCommits++;
        return saved;
    }

    public override void Dispose()
    {
        SaveObserver = null;
        DeferCommit = false;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        SaveObserver = null;
        DeferCommit = false;
        return base.DisposeAsync();
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<OutletEvent> OutletEvents => Set<OutletEvent>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Passage> Passages => Set<Passage>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<GatheringRun> GatheringRuns => Set<GatheringRun>();
    public DbSet<ClaimEvent> ClaimEvents => Set<ClaimEvent>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<SuggestedClaim> SuggestedClaims => Set<SuggestedClaim>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Feed> Feeds => Set<Feed>();
    public DbSet<FeedItem> FeedItems => Set<FeedItem>();
    public DbSet<PublishedReview> PublishedReviews => Set<PublishedReview>();
    public DbSet<Import> Imports => Set<Import>();
    public DbSet<ImportLine> ImportLines => Set<ImportLine>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Outlet>(outlet =>
        {
            outlet.Property(o => o.Name).HasMaxLength(200);
            outlet.Property(o => o.NormalizedName).HasMaxLength(200);
            outlet.Property(o => o.Domain).HasMaxLength(253);
            outlet.Property(o => o.OwnerGroup).HasMaxLength(200);
            outlet.HasIndex(o => o.NormalizedName).IsUnique();
            // A cited URL is judged by the outlets whose domain it lives on.
            outlet.HasIndex(o => o.Domain);
        });

        modelBuilder.Entity<OutletEvent>(evt =>
        {
            evt.Property(e => e.Actor).HasMaxLength(200);
            evt.Property(e => e.Type).HasMaxLength(64);
            evt.Property(e => e.Before).HasMaxLength(2000);
            evt.Property(e => e.After).HasMaxLength(2000);
            evt.HasIndex(e => new { e.OutletId, e.Id });
            evt.HasOne(e => e.Outlet).WithMany().HasForeignKey(e => e.OutletId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Article>(article =>
        {
            article.Property(a => a.Url).HasMaxLength(2048);
            article.Property(a => a.Title).HasMaxLength(500);
            article.Property(a => a.Language).HasMaxLength(16);
            article.Property(a => a.ContentHash).HasMaxLength(64);
            article.Property(a => a.FailureReason).HasMaxLength(1000);
            article.HasIndex(a => a.ContentHash).IsUnique();
            article.HasIndex(a => a.Url).IsUnique();
            article.HasIndex(a => new { a.OutletId, a.Id });
            article.HasIndex(a => a.State);
            article.HasIndex(a => a.SuggestionsComputedAt);
            article.HasIndex(a => new { a.UpdatedAt, a.Id }); // sync: ?updatedSince= pages by (updatedAt, id)
            article.HasOne(a => a.Outlet).WithMany().HasForeignKey(a => a.OutletId).OnDelete(DeleteBehavior.Restrict);
            article.HasMany(a => a.Passages).WithOne(p => p.Article).HasForeignKey(p => p.ArticleId);
        });

        modelBuilder.Entity<Passage>(passage =>
        {
            passage.HasIndex(p => new { p.ArticleId, p.Index }).IsUnique();
        });

        modelBuilder.Entity<Claim>(claim =>
        {
            claim.Property(c => c.Text).HasMaxLength(2000);
            claim.Property(c => c.Claimant).HasMaxLength(200);
            claim.Property(c => c.Assignee).HasMaxLength(200);
            claim.Property(c => c.Rationale).HasMaxLength(8000);
            claim.Property(c => c.RationaleSourceUrl).HasMaxLength(2048);
            claim.Property(c => c.ProposedRationale).HasMaxLength(8000);
            claim.Property(c => c.ProposedSourceUrl).HasMaxLength(2048);
            claim.Property(c => c.ProposedBy).HasMaxLength(200);
            claim.Property(c => c.CreatedBy).HasMaxLength(200);
            claim.Property(c => c.Version).IsConcurrencyToken();
            claim.Ignore(c => c.Verdict);
            claim.HasOne(c => c.Article).WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Restrict);
            claim.HasMany(c => c.Evidence).WithOne(e => e.Claim).HasForeignKey(e => e.ClaimId);
            // The work queue: "unassigned claims needing review, most check-worthy first".
            claim.HasIndex(c => new { c.Status, c.Assignee, c.CheckWorthiness, c.Id });
            claim.HasIndex(c => new { c.Assignee, c.Status });
            // The queue filtered by kind ("editorial asides needing review, anyone's"), in the same order.
            claim.HasIndex(c => new { c.Kind, c.Status, c.CheckWorthiness, c.Id });
            claim.HasIndex(c => new { c.ArticleId, c.Id });
            claim.HasIndex(c => new { c.UpdatedAt, c.Id }); // sync: ?updatedSince= pages by (updatedAt, id)
        });

        modelBuilder.Entity<Evidence>(evidence =>
        {
            evidence.Property(e => e.ExternalUrl).HasMaxLength(2048);
            evidence.Property(e => e.CitedBy).HasMaxLength(200);
            evidence.Property(e => e.ReviewNote).HasMaxLength(4000);
            evidence.Property(e => e.ReviewedBy).HasMaxLength(200);
            evidence.Property(e => e.ModelNote).HasMaxLength(500);
            evidence.Property(e => e.Model).HasMaxLength(64);
            evidence.Property(e => e.Discrepancies).HasConversion(JsonList<Discrepancy>(), ListComparer<Discrepancy>()).HasMaxLength(4000);
            evidence.Property(e => e.Passages).HasConversion(JsonList<DecidingPassageRef>(), ListComparer<DecidingPassageRef>()).HasMaxLength(2000);
            // Gathering runs at least once per claim; one row per (claim, article) keeps re-runs from adding twice.
            evidence.HasIndex(e => new { e.ClaimId, e.ArticleId }).IsUnique();
            evidence.HasOne(e => e.Article).WithMany().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<GatheringRun>(run =>
        {
            run.Property(r => r.Model).HasMaxLength(64);
            run.HasIndex(r => new { r.ClaimId, r.Id });
            run.HasOne<Claim>().WithMany().HasForeignKey(r => r.ClaimId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ClaimEvent>(evt =>
        {
            evt.Property(e => e.Actor).HasMaxLength(200);
            evt.Property(e => e.Type).HasMaxLength(64);
            evt.Property(e => e.Before).HasMaxLength(8000);
            evt.Property(e => e.After).HasMaxLength(8000);
            evt.Property(e => e.Detail).HasMaxLength(8000);
            evt.Ignore(e => e.Change);
            evt.Ignore(e => e.MadeOrder);
            evt.HasIndex(e => new { e.ClaimId, e.Id });
            // One number per place in a claim's log: two writers racing for the next one cannot both have it.
            evt.HasIndex(e => new { e.ClaimId, e.Sequence }).IsUnique();
            evt.HasOne(e => e.Claim).WithMany().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Comment>(comment =>
        {
            comment.Property(c => c.Author).HasMaxLength(200);
            comment.Property(c => c.Text).HasMaxLength(8000);
            comment.HasIndex(c => new { c.ClaimId, c.Id });
            comment.HasOne<Claim>().WithMany().HasForeignKey(c => c.ClaimId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SuggestedClaim>(suggestion =>
        {
            suggestion.Property(s => s.Text).HasMaxLength(4000);
            suggestion.Property(s => s.Claimant).HasMaxLength(200);
            suggestion.Property(s => s.Signals).HasMaxLength(8000);
            suggestion.HasIndex(s => new { s.ArticleId, s.Start }).IsUnique();
            suggestion.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId);
        });

        modelBuilder.Entity<WebhookSubscription>(subscription =>
        {
            subscription.Property(s => s.Url).HasMaxLength(2048);
            subscription.Property(s => s.Events).HasMaxLength(500);
            subscription.Property(s => s.Description).HasMaxLength(500);
            subscription.Property(s => s.ProtectedSecret).HasMaxLength(1000);
            subscription.Property(s => s.CreatedBy).HasMaxLength(200);
            subscription.Property(s => s.DisabledReason).HasMaxLength(500);
            subscription.Ignore(s => s.EventList);
        });

        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.Property(d => d.EventType).HasMaxLength(64);
            delivery.Property(d => d.AttemptLog).HasMaxLength(8000);
            delivery.Ignore(d => d.MessageId);
            delivery.HasOne(d => d.Subscription).WithMany().HasForeignKey(d => d.SubscriptionId);
            delivery.HasOne(d => d.ClaimEvent).WithMany().HasForeignKey(d => d.ClaimEventId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
            delivery.HasIndex(d => new { d.SubscriptionId, d.Id });
            delivery.HasIndex(d => new { d.Outcome, d.NextAttemptAt });
        });

        modelBuilder.Entity<Feed>(feed =>
        {
            feed.Property(f => f.Url).HasMaxLength(2048);
            feed.Property(f => f.OutletName).HasMaxLength(200);
            feed.Property(f => f.LastError).HasMaxLength(1000);
            feed.HasIndex(f => f.Url).IsUnique();
        });

        modelBuilder.Entity<FeedItem>(item =>
        {
            item.Property(i => i.Link).HasMaxLength(2048);
            item.HasIndex(i => new { i.FeedId, i.Link }).IsUnique();
            item.HasOne<Feed>().WithMany().HasForeignKey(i => i.FeedId);
        });

        modelBuilder.Entity<PublishedReview>(review =>
        {
            review.Property(r => r.ClaimText).HasMaxLength(2000);
            review.Property(r => r.Claimant).HasMaxLength(200);
            review.Property(r => r.Rationale).HasMaxLength(8000);
            review.Property(r => r.SourceUrl).HasMaxLength(2048);
            review.Property(r => r.PublishedBy).HasMaxLength(200);
            review.Property(r => r.WithdrawnBy).HasMaxLength(200);
            review.Property(r => r.WithdrawalReason).HasMaxLength(8000);
            review.Property(r => r.Citations)
                .HasConversion(
                    list => JsonSerializer.Serialize(list, JsonOptions),
                    json => JsonSerializer.Deserialize<List<ReviewCitation>>(json, JsonOptions) ?? new List<ReviewCitation>(),
                    new ValueComparer<List<ReviewCitation>>(
                        (a, b) => a!.SequenceEqual(b!),
                        list => list.Aggregate(0, (hash, c) => HashCode.Combine(hash, c.GetHashCode())),
                        list => list.ToList()));
            review.HasOne(r => r.Claim).WithMany().HasForeignKey(r => r.ClaimId).OnDelete(DeleteBehavior.Restrict);
            review.HasOne(r => r.SupersededBy).WithMany().HasForeignKey(r => r.SupersededById).OnDelete(DeleteBehavior.Restrict);
            review.HasIndex(r => new { r.ClaimId, r.Id });
            // The feed: live reviews, and everything changed since a reader's last sync.
            review.HasIndex(r => new { r.State, r.UpdatedAt, r.Id });
            review.HasIndex(r => new { r.UpdatedAt, r.Id });
        });

        modelBuilder.Entity<Import>(import =>
        {
            import.Property(i => i.CreatedBy).HasMaxLength(200);
            import.Ignore(i => i.Processed);
            import.HasIndex(i => new { i.State, i.UpdatedAt });
        });

        modelBuilder.Entity<ImportLine>(line =>
        {
            line.Property(l => l.Reason).HasMaxLength(2000);
            line.HasOne<Import>().WithMany().HasForeignKey(l => l.ImportId).OnDelete(DeleteBehavior.Cascade);
            line.HasIndex(l => new { l.ImportId, l.LineNumber }).IsUnique();
            line.HasIndex(l => new { l.ImportId, l.Outcome, l.LineNumber });
        });

        modelBuilder.Entity<ApiKey>(key =>
        {
            key.Property(k => k.Name).HasMaxLength(200);
            key.Property(k => k.Prefix).HasMaxLength(32);
            key.Property(k => k.SecretHash).HasMaxLength(32);
            key.Property(k => k.CreatedBy).HasMaxLength(200);
            key.HasIndex(k => k.Prefix).IsUnique();
            // Never reissued, not even after revocation: the audit log and assignments name keys by name.
            key.HasIndex(k => k.Name).IsUnique();
        });

        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.Property(r => r.Key).HasMaxLength(200);
            record.Property(r => r.RequestHash).HasMaxLength(64);
            record.Property(r => r.ContentType).HasMaxLength(200);
            record.Property(r => r.Location).HasMaxLength(2048);
            record.Property(r => r.ETag).HasMaxLength(100);
            record.HasIndex(r => new { r.ApiKeyId, r.Key }).IsUnique();
            record.HasIndex(r => r.ExpiresAt);
        });
    }

    /// <summary>A list stored as one JSON column (it is always read and written whole, with its row).</summary>
    private static ValueConverter<List<T>, string> JsonList<T>() => new(
        list => JsonSerializer.Serialize(list, JsonOptions),
        json => JsonSerializer.Deserialize<List<T>>(json, JsonOptions) ?? new List<T>());

    private static ValueComparer<List<T>> ListComparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item!.GetHashCode())),
        list => list.ToList());

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

public sealed class SqliteClaimDeskDbContext(DbContextOptions<SqliteClaimDeskDbContext> options) : ClaimDeskDbContext(options);

public sealed class SqlServerClaimDeskDbContext(DbContextOptions<SqlServerClaimDeskDbContext> options) : ClaimDeskDbContext(options);
