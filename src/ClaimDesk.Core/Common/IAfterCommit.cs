using Microsoft.Extensions.Logging;

namespace ClaimDesk.Core.Common;

/// <summary>
/// Work that must happen only once the change is committed (enqueueing a job about a new claim, say).
/// The commit behavior runs it after the commit, so no job is ever about a change that was rolled back;
/// the recovery sweep covers a crash between the commit and the enqueue.
/// </summary>
public interface IAfterCommit
{
    void Add(Action action);
}

public sealed class AfterCommitActions(ILogger<AfterCommitActions> logger) : IAfterCommit
{
    private readonly List<Action> _actions = [];

    public void Add(Action action) => _actions.Add(action);

    /// <summary>
    /// Runs every action; one that fails is logged, not thrown. The change is committed by now: failing the request would
    /// tell the client that nothing happened, and the recovery sweep finds the work that stalled (claims, articles, deliveries).
    /// </summary>
    public void RunAll()
    {
        var actions = _actions.ToArray();
        _actions.Clear();
        foreach (var action in actions)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Work after a commit could not be queued; the recovery sweep re-finds stalled claims, articles and webhook deliveries");
            }
        }
    }

    public void Discard() => _actions.Clear();

    /// <summary>How many actions wait: a mark to go back to with <see cref="DiscardFrom"/>.</summary>
    public int Count => _actions.Count;

    /// <summary>Forgets the actions added since the mark: the writes they follow were rolled back to a savepoint.</summary>
    public void DiscardFrom(int mark) => _actions.RemoveRange(mark, _actions.Count - mark);
}
