namespace ClaimDesk.Core.Behaviors;

/// <summary>
/// A command that writes in more than one statement outside the change tracker (a bulk delete, then inserts):
/// <see cref="CommitBehavior{TMessage,TResponse}"/> wraps it in a transaction so that it is all or nothing.
/// </summary>
public interface IAtomicCommand;
