namespace ClaimDesk.Core.Behaviors;

/// <summary>
/// A command whose handler does slow reading and computing (embedding, search) and then writes with a single
/// SaveChanges, which is atomic by itself. The unit of work does not wrap it in a transaction, so the database's
/// write lock (one writer at a time on SQLite) is held only while it writes, not while the model runs.
/// After-commit work still runs after the handler succeeds.
/// </summary>
public interface ICommitsOnItsOwn;
