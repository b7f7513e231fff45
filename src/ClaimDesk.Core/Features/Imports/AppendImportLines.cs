using ClaimDesk.Core.Common;
using ClaimDesk.Core.Behaviors;
using ClaimDesk.Core.Data;
using ClaimDesk.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Features.Imports;

/// <summary>
/// A batch of received lines is stored in the database — where any worker can process them, and from where a restarted
/// one resumes. A line that could not be read is stored as failed at once, with why.
/// </summary>
/// <returns>How many lines the import holds now.</returns>
public sealed record AppendImportLines(long ImportId, IReadOnlyList<ReceivedLine> Lines) : ICommand<int>, IAtomicCommand, ISavesItself;

public sealed class AppendImportLinesHandler(ClaimDeskDbContext db, TimeProvider clock) : ICommandHandler<AppendImportLines, int>
{
    public async ValueTask<int> Handle(AppendImportLines command, CancellationToken ct)
    {
        var import = await db.Imports.FirstOrDefaultAsync(i => i.Id == command.ImportId, ct) ?? throw new NotFoundException("Import", command.ImportId);
        if (import.State != ImportState.Receiving)
            throw new ConflictException("Import is not receiving", $"Import {import.Id} is {import.State}; lines are added only while it is uploaded.");
        foreach (var line in command.Lines)
        {
            db.ImportLines.Add(line.Article is { } article
                ? new ImportLine { ImportId = import.Id, LineNumber = line.LineNumber, Content = article.ToStoredJson(), Outcome = ImportLineOutcome.Pending }
                : new ImportLine { ImportId = import.Id, LineNumber = line.LineNumber, Outcome = ImportLineOutcome.Failed, Reason = Bounded(line.Problem) });
            if (line.Article is null) import.Failed++;
        }
        import.Lines += command.Lines.Count;
        import.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // Saved here, then forgotten: the upload's batches share the request's DbContext, and tracked, every line stored
        // so far would stay in memory.
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return import.Lines;
    }

    internal static string Bounded(string? reason) =>
        reason is null ? "The line could not be read." : reason.Length <= 2000 ? reason : reason[..1999] + "…";
}
