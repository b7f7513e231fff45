using ClaimDesk.Core.Domain;
using ClaimDesk.Core.Security;

namespace ClaimDesk.Core.Common;

/// <summary>
/// The request being handled, when it came with an Idempotency-Key: its key, and how its endpoint turns the command's
/// response into the HTTP answer. Whichever write path commits the change — the commit behavior, or the registration
/// writer's group commit — renders the answer before its commit and stores it in the same transaction. So a change is
/// never committed without the answer its retry replays, and no answer survives a change that was rolled back: a key
/// without a stored answer is a key whose request changed nothing.
/// Scoped: one per request. Without a key (and in jobs) it is empty and asks nothing of the write paths.
/// </summary>
public sealed class IdempotentRequest(IdempotentAnswerSeal seal)
{
    private Delegate? _render;
    private IdempotentAnswer? _rendered;

    public long ApiKeyId { get; private set; }
    public string? Key { get; private set; }
    public string? RequestHash { get; private set; }

    /// <summary>The answer committed with the request's change, once it is.</summary>
    public IdempotentAnswer? Committed { get; private set; }

    public void Begin(long apiKeyId, string key, string requestHash)
    {
        ApiKeyId = apiKeyId;
        Key = key;
        RequestHash = requestHash;
    }

    /// <summary>The endpoint's mapping of the command's response to its answer, rendered exactly as the endpoint sends it.</summary>
    public void AnswerWith<TResponse>(Func<TResponse, ValueTask<IdempotentAnswer>> render) => _render = render;

    /// <summary>Whether the commit of a command answering <typeparamref name="TResponse"/> must store the answer with it.</summary>
    public bool AwaitsAnswer<TResponse>() => Key is not null && Committed is null && _render is Func<TResponse, ValueTask<IdempotentAnswer>>;

    /// <summary>The record to write in the transaction that commits the change.</summary>
    public async ValueTask<IdempotencyRecord> RecordAsync<TResponse>(TResponse response, DateTime now)
    {
        if (!AwaitsAnswer<TResponse>()) throw new InvalidOperationException("This request awaits no answer to a " + typeof(TResponse).Name + ".");
        _rendered = await ((Func<TResponse, ValueTask<IdempotentAnswer>>)_render!)(response);
        return RecordOf(_rendered, now);
    }

    /// <summary>The record of an answer, its body sealed (<see cref="IdempotentAnswerSeal"/>).</summary>
    public IdempotencyRecord RecordOf(IdempotentAnswer answer, DateTime now) =>
        IdempotencyRecord.Of(ApiKeyId, Key!, RequestHash!, answer with { Body = seal.Seal(answer.Body) }, now);

    /// <summary>Called once the transaction that wrote the record of <see cref="RecordAsync{TResponse}"/> has committed.</summary>
    public void CommittedWith(IdempotencyRecord record) => Committed = _rendered ?? throw new InvalidOperationException("No answer was rendered for " + record.Key + ".");
}
