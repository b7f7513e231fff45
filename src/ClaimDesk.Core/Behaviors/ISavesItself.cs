namespace ClaimDesk.Core.Behaviors;

/// <summary>
/// A command whose handler calls SaveChanges itself, because it must see its write before it answers: the new row's id
/// in the answer, a count read back after the change, a unique-index race it answers itself, a batch saved before it is
/// forgotten, or a write inside a caller's transaction (a bulk import's chunk, which the commit behavior passes
/// through). Every other handler leaves saving to <see cref="CommitBehavior{TMessage,TResponse}"/>, which also commits
/// after these. The architecture tests hold both ways: a handler that saves has this mark, one with it saves.
/// </summary>
public interface ISavesItself;
