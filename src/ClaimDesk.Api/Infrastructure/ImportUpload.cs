using System.Text.Json;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Features.Imports;
using Mediator;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// Receives an NDJSON import: reads the body as it streams in, parses each line with the API's strict JSON rules (a line
/// that does not parse is recorded as failed, with why, and the rest go on), and stores the lines in batches in the
/// database before queueing the import. Nothing of an upload that breaks off is processed.
/// </summary>
public static class ImportUpload
{
    public static readonly string[] ContentTypes = ["application/x-ndjson", "application/jsonl", "application/jsonlines"];

    /// <summary>Lines are stored in batches of this many, or of this many bytes, whichever comes first.</summary>
    private const int BatchLines = 100;
    private const long BatchBytes = 1024 * 1024;

    public static bool IsNdjson(string? contentType) =>
        contentType?.Split(';')[0].Trim() is { } mediaType && ContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);

    public static async Task<ImportView> ReceiveAsync(HttpRequest request, IMediator mediator, JsonSerializerOptions json, ImportOptions limits, CancellationToken ct)
    {
        var importId = await mediator.Send(new StartImport(), ct);
        try
        {
            var batch = new List<ReceivedLine>();
            long batchBytes = 0;
            var lines = 0;
            await foreach (var line in NdjsonLines.ReadAsync(request.BodyReader, limits.MaxLineBytes, ct))
            {
                if (line.IsBlank) continue;
                if (++lines > limits.MaxLines)
                    throw new FieldValidationException("body", $"An import holds at most {limits.MaxLines:N0} articles; split the file.");
                batch.Add(Parse(line, json, limits));
                batchBytes += line.Bytes?.Length ?? 0;
                if (batch.Count < BatchLines && batchBytes < BatchBytes) continue;
                await mediator.Send(new AppendImportLines(importId, batch), ct);
                batch = [];
                batchBytes = 0;
            }
            if (lines == 0) throw new FieldValidationException("body", "The import holds no articles: send one JSON object a line.");
            if (batch.Count > 0) await mediator.Send(new AppendImportLines(importId, batch), ct);
            return await mediator.Send(new QueueImport(importId), ct);
        }
        catch
        {
            await mediator.Send(new AbandonImport(importId), CancellationToken.None);
            throw;
        }
    }

    private static ReceivedLine Parse(NdjsonLine line, JsonSerializerOptions json, ImportOptions limits)
    {
        if (line.Bytes is not { } bytes)
            return new ReceivedLine(line.Number, null, $"The line is longer than {limits.MaxLineBytes / 1024 / 1024} MB.");
        try
        {
            return JsonSerializer.Deserialize<ImportedArticle>(bytes, json) is { } article
                ? new ReceivedLine(line.Number, article, null)
                : new ReceivedLine(line.Number, null, "The line must be a JSON object (an article), not null.");
        }
        catch (JsonException refused)
        {
            return new ReceivedLine(line.Number, null, StrictJson.FieldOf(refused.Path) is { } field
                ? $"{field}: {StrictJson.Problem(refused, field)}"
                : "The line is not a JSON object: one article per line, as JSON.");
        }
    }
}
