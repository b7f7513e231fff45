using ClaimDesk.Core.Features.Review;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimDesk.Core.Infrastructure.Publishing;

/// <summary>
/// At start-up, one warning when the desk cannot publish ClaimReviews yet, naming what to set. The desk still starts:
/// reviewing needs none of it, and the export endpoints answer 409 with the same words until it is set.
/// </summary>
public sealed partial class DeskPublicationCheck(IOptions<DeskOptions> desk, ILogger<DeskPublicationCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var missing = desk.Value.MissingForPublication();
        if (missing.Count > 0) CannotPublish(logger, string.Join("; ", missing));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message =
        "ClaimReviews cannot be exported until the desk's public address is configured: set {Missing}. Until then the ClaimReview endpoints answer 409.")]
    private static partial void CannotPublish(ILogger logger, string missing);
}
