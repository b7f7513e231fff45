namespace ClaimDesk.Core.Behaviors;

/// <summary>
/// A command whose handler hands its writes to a writer that commits them itself (claim registration's group commit):
/// <see cref="CommitBehavior{TMessage,TResponse}"/> passes it through instead of opening the request's DbContext only to
/// find nothing to save, so whatever its handler writes by other paths it saves itself.
/// </summary>
public interface ICommitsItself;
