namespace ClaimDesk.Core.Behaviors;

/// <summary>
/// A command whose handler hands its writes to a writer that commits them itself (claim registration's group commit):
/// the unit of work passes it through instead of opening the request's DbContext only to find nothing to save.
/// </summary>
public interface ICommitsItself;
