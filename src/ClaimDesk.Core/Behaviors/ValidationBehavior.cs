using ClaimDesk.Core.Common;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace ClaimDesk.Core.Behaviors;

/// <summary>
/// Runs every FluentValidation validator of the request before the handler sees it. Keeps the first
/// <see cref="ValidationRules.MaxReportedErrors"/> failures and counts the rest: the answer to a request with
/// thousands of bad items stays small.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length > 0)
        {
            var context = new ValidationContext<TMessage>(message);
            var reported = new List<ValidationFailure>();
            var total = 0;
            foreach (var validator in _validators)
            {
                var result = await validator.ValidateAsync(context, cancellationToken);
                total += result.Errors.Count;
                reported.AddRange(result.Errors.Take(ValidationRules.MaxReportedErrors - reported.Count));
            }
            if (total > 0) throw new RequestValidationException(reported, total);
        }
        return await next(message, cancellationToken);
    }
}

/// <summary>The first failures of a request and how many there were in all.</summary>
public sealed class RequestValidationException(IReadOnlyList<ValidationFailure> reported, int total) : ValidationException(reported)
{
    public int Total { get; } = total;
}
