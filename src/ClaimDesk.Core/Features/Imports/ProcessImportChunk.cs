using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Features.Articles;
using ClaimDesk.Core.Features.Claims;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Features.Imports;

/// <summary>
/// Processes the next chunk of an import's lines, in one transaction with the import's cursor: every article and claim
/// the chunk registers, each line's outcome and the cursor are committed together or not at all. A process killed
/// halfway leaves the cursor at the last committed chunk, and whoever processes the import next (the recovery sweep
/// re-queues it) starts right after it: no line is lost, none is registered twice. Each line is registered through the
/// same use cases as POST /articles and POST /claims — their validators, de-duplication and audit — under a savepoint,
/// so a line that fails leaves nothing behind. True while lines remain.
/// </summary>
public sealed record ProcessImportChunk(long ImportId) : ICommand<bool>, IAtomicCommand;

public sealed class ProcessImportChunkHandler(
    ClaimDeskDbContext db, IMediator mediator, AfterCommitActions afterCommit, ActingFor acting, TimeProvider clock, IOptions<ImportOptions> options)
    : ICommandHandler<ProcessImportChunk, bool>
{
    private sealed record Outcome(ImportLineOutcome Kind, long? ArticleId, string? Reason, int Claims);

    public async ValueTask<bool> Handle(ProcessImportChunk command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Take the import first: on SQL Server the row lock held to the commit serialises two workers on one import
        // (SQLite's transactions already start with the write lock), so the cursor read below is the one this chunk moves.
        if (await db.Imports.Where(i => i.Id == command.ImportId && (i.State == ImportState.Queued || i.State == ImportState.Running))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, now), ct) == 0)
            return false;
        var import = await db.Imports.AsNoTracking().FirstAsync(i => i.Id == command.ImportId, ct);
        // The articles and claims are the uploader's, in the audit log as in a single POST.
        acting.Actor = new RecordedActor(import.CreatedBy, import.CreatedByRole, import.CreatedByKeyId);

        var chunk = Math.Max(1, options.Value.ChunkSize);
        var lines = await db.ImportLines.AsNoTracking()
            .Where(l => l.ImportId == import.Id && l.LineNumber > import.Cursor).OrderBy(l => l.LineNumber).Take(chunk)
            .ToListAsync(ct);
        var outcomes = new Dictionary<long, Outcome>();
        foreach (var line in lines.Where(l => l.Outcome == ImportLineOutcome.Pending))
        {
            outcomes[line.Id] = await ProcessLineAsync(line, ct);
            // Each line's entities are saved; forgetting them keeps a chunk's memory to one line's.
            db.ChangeTracker.Clear();
        }

        foreach (var line in lines.Where(l => outcomes.ContainsKey(l.Id)))
        {
            var outcome = outcomes[line.Id];
            db.ImportLines.Attach(line);
            line.Outcome = outcome.Kind;
            line.ArticleId = outcome.ArticleId;
            line.Reason = outcome.Reason is null ? null : AppendImportLinesHandler.Bounded(outcome.Reason);
            // Processed: the text is in the article now (or the client's file); the row keeps what became of it.
            line.Content = null;
        }
        db.Imports.Attach(import);
        import.Created += outcomes.Values.Count(o => o.Kind == ImportLineOutcome.Created);
        import.Duplicates += outcomes.Values.Count(o => o.Kind == ImportLineOutcome.Duplicate);
        import.Failed += outcomes.Values.Count(o => o.Kind == ImportLineOutcome.Failed);
        import.Claims += outcomes.Values.Sum(o => o.Claims);
        if (lines.Count > 0) import.Cursor = lines[^1].LineNumber;
        import.StartedAt ??= now;
        var more = lines.Count == chunk;
        import.State = more ? ImportState.Running : ImportState.Completed;
        import.CompletedAt = more ? null : clock.GetUtcNow().UtcDateTime;
        import.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return more;
    }

    private async Task<Outcome> ProcessLineAsync(ImportLine line, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("An import chunk runs in a transaction.");
        var savepoint = $"import_line_{line.LineNumber}";
        await transaction.CreateSavepointAsync(savepoint, ct);
        var mark = afterCommit.Count;
        var claimIndex = -1;
        try
        {
            var article = ImportedArticle.FromStoredJson(line.Content!);
            if (article.Claims is { } listed && listed.Count > options.Value.MaxClaimsPerArticle)
                return await FailAsync($"claims: at most {options.Value.MaxClaimsPerArticle} claims a line (this one has {listed.Count}).");

            var registration = await mediator.Send(
                new RegisterArticle(article.Title!, article.Text!, article.Outlet!, article.Url, article.PublishedAt, article.Language), ct);
            if (!registration.Created)
            {
                // The same text as an article the desk holds: that article, as for a single post. Its claims were
                // registered with it, so they are not registered again.
                await transaction.ReleaseSavepointAsync(savepoint, ct);
                return new Outcome(ImportLineOutcome.Duplicate, registration.Article.Id, null, 0);
            }
            var claims = 0;
            foreach (var claim in article.Claims ?? [])
            {
                claimIndex++;
                await mediator.Send(new RegisterClaim(registration.Article.Id, claim.Text!, claim.Quote, claim.Claimant, claim.Kind), ct);
                claims++;
            }
            await transaction.ReleaseSavepointAsync(savepoint, ct);
            return new Outcome(ImportLineOutcome.Created, registration.Article.Id, null, claims);
        }
        catch (ConflictException conflict) when (claimIndex < 0 && conflict.Extensions.TryGetValue(RegisterArticleHandler.ExistingArticle, out var existing))
        {
            // The same URL as an article the desk holds: that article.
            await RollBackAsync();
            return new Outcome(ImportLineOutcome.Duplicate, existing as long?, null, 0);
        }
        catch (Exception refused) when (ReasonFor(refused, claimIndex) is { } reason)
        {
            return await FailAsync(reason);
        }

        async Task<Outcome> FailAsync(string reason)
        {
            await RollBackAsync();
            return new Outcome(ImportLineOutcome.Failed, null, reason, 0);
        }

        async Task RollBackAsync()
        {
            await transaction.RollbackToSavepointAsync(savepoint, ct);
            afterCommit.DiscardFrom(mark);
        }
    }

    /// <summary>What a single POST would have answered with a 4xx, in words; null for anything else (the chunk fails and is retried).</summary>
    private static string? ReasonFor(Exception refused, int claimIndex)
    {
        var prefix = claimIndex < 0 ? "" : $"claims[{claimIndex}].";
        return refused switch
        {
            ValidationException validation => string.Join(" ", validation.Errors.Take(ValidationRules.MaxReportedErrors)
                .Select(e => $"{prefix}{FieldName(e.PropertyName)}: {e.ErrorMessage}")),
            FieldValidationException field => $"{prefix}{field.Field}: {field.Message}",
            ConflictException conflict => $"{prefix.TrimEnd('.')}{(prefix.Length > 0 ? ": " : "")}{conflict.Message}",
            NotFoundException notFound => notFound.Message,
            _ => null,
        };
    }

    private static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
