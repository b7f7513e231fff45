using ClaimDesk.Core.Common;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Imports;

/// <summary>An import's progress: its state, its counts, and a page of its failed lines (line number and reason).</summary>
public sealed record GetImport(long ImportId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<ImportView>;

public sealed class GetImportValidator : AbstractValidator<GetImport>
{
    public GetImportValidator()
    {
        RuleFor(q => q.Page).PageNumber();
        RuleFor(q => q.PageSize).PageSize();
    }
}

public sealed class GetImportHandler(ClaimDeskDbContext db) : IQueryHandler<GetImport, ImportView>
{
    public async ValueTask<ImportView> Handle(GetImport query, CancellationToken ct)
    {
        var import = await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.ImportId, ct)
            ?? throw new NotFoundException("Import", query.ImportId);
        return ImportView.Of(import, await FailuresAsync(db, import.Id, query.Page, query.PageSize, ct));
    }

    internal static async Task<PagedResult<ImportFailure>> FailuresAsync(ClaimDeskDbContext db, long importId, int page, int pageSize, CancellationToken ct)
    {
        var failed = db.ImportLines.AsNoTracking().Where(l => l.ImportId == importId && l.Outcome == ImportLineOutcome.Failed);
        var total = await failed.CountAsync(ct);
        var items = await failed.OrderBy(l => l.LineNumber).Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(l => new ImportFailure(l.LineNumber, l.Reason ?? "")).ToListAsync(ct);
        return new PagedResult<ImportFailure>(items, page, pageSize, total);
    }
}
