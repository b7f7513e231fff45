using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimDesk.Api.Tests.Support;

namespace ClaimDesk.Api.Tests.Contract;

/// <summary>Runs where Spectral is installed (.ci/run installs it into .tools/); CI sets CLAIMDESK_REQUIRE_SPECTRAL=1 so it never skips there.</summary>
public sealed class SpectralFactAttribute : FactAttribute
{
    public static string Executable => Environment.GetEnvironmentVariable("CLAIMDESK_SPECTRAL")
                                       ?? Repository.PathOf(Path.Combine(".tools", "spectral", "node_modules", ".bin", "spectral"));

    public SpectralFactAttribute()
    {
        if (!File.Exists(Executable) && Environment.GetEnvironmentVariable("CLAIMDESK_REQUIRE_SPECTRAL") != "1")
            Skip = $"Spectral is not installed at {Executable}: run .ci/run once (it installs @stoplight/spectral-cli into .tools/ with npm), " +
                   "or set CLAIMDESK_SPECTRAL to a spectral executable.";
    }
}

[Collection(ApiCollection.Name)]
public sealed class OpenApiContractTests(ClaimDeskApiFactory desk)
{
    public const string SnapshotPath = "docs/openapi/v1.json";
    public const string RefreshVariable = "CLAIMDESK_UPDATE_OPENAPI_SNAPSHOT";

    private async Task<string> ServedAsync() => await desk.Anonymous.GetStringAsync("/openapi/v1.json");

    [Fact]
    public async Task The_served_document_equals_the_committed_snapshot_the_generated_client_is_built_from()
    {
        var served = await ServedAsync();
        var snapshot = Repository.PathOf(SnapshotPath);
        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
        {
            await File.WriteAllTextAsync(snapshot, served);
            return;
        }
        Assert.True(File.Exists(snapshot), $"{SnapshotPath} is missing; write it with {RefreshVariable}=1 dotnet test --filter OpenApiContractTests");
        Assert.True(Normalize(await File.ReadAllTextAsync(snapshot)) == Normalize(served),
            $"The served OpenAPI document differs from {SnapshotPath}. If the change is meant, refresh the snapshot: " +
            $"{RefreshVariable}=1 dotnet test tests/ClaimDesk.Api.Tests --filter OpenApiContractTests (and commit it).");
    }

    [SpectralFact]
    public async Task Spectral_oas_ruleset_finds_no_error_and_no_warning()
    {
        Assert.True(File.Exists(SpectralFactAttribute.Executable), $"CI needs Spectral at {SpectralFactAttribute.Executable} (.ci/run installs it).");
        var directory = Directory.CreateTempSubdirectory("claimdesk-spectral-");
        try
        {
            var document = Path.Combine(directory.FullName, "v1.json");
            await File.WriteAllTextAsync(document, await ServedAsync());
            var ruleset = Path.Combine(directory.FullName, ".spectral.yaml");
            await File.WriteAllTextAsync(ruleset, "extends: [\"spectral:oas\"]\n");
            var run = new ProcessStartInfo(SpectralFactAttribute.Executable)
            {
                ArgumentList = { "lint", "--ruleset", ruleset, "--format", "json", "--fail-severity", "error", "--quiet", document },
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory.FullName,
            };
            using var process = Process.Start(run)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = output.Trim();
            var results = JsonNode.Parse(json.Length == 0 ? "[]" : json)!.AsArray();
            // Spectral severities: 0 error, 1 warning, 2 information, 3 hint.
            var findings = results.Where(r => r!["severity"]!.GetValue<int>() <= 1)
                .Select(r => $"{r!["code"]} at {string.Join('.', r["path"]!.AsArray().Select(p => p!.ToString()))}: {r["message"]}").ToList();
            Assert.True(findings.Count == 0, "Spectral (spectral:oas):\n" + string.Join('\n', findings) + errors);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Every_operation_documents_its_envelope_headers_statuses_and_examples_and_every_id_is_an_integer()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, node) in item!.AsObject())
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            var operation = node!.AsObject();
            var responses = operation["responses"]!.AsObject();
            var parameters = operation["parameters"]?.AsArray().Select(p => p!["$ref"]?.ToString() ?? p["name"]!.ToString()).ToList() ?? [];
            foreach (var status in new[] { "400", "401", "403", "429" })
                if (!responses.ContainsKey(status)) missing.Add($"{name}: {status}");
            if (path.Contains('{') && !responses.ContainsKey("404")) missing.Add($"{name}: 404");
            if (method == "post")
            {
                if (!parameters.Any(p => p.EndsWith("Idempotency-Key", StringComparison.Ordinal))) missing.Add($"{name}: Idempotency-Key");
                if (!responses.ContainsKey("422")) missing.Add($"{name}: 422");
            }
            if (method == "get")
            {
                if (!parameters.Any(p => p.EndsWith("If-None-Match", StringComparison.Ordinal))) missing.Add($"{name}: If-None-Match");
                if (!responses.ContainsKey("304")) missing.Add($"{name}: 304");
            }
            if (parameters.Contains("If-Match") && !(responses.ContainsKey("412") && responses.ContainsKey("428"))) missing.Add($"{name}: 412/428");
            if (operation["requestBody"] is { } body)
            {
                if (!responses.ContainsKey("413") || !responses.ContainsKey("415")) missing.Add($"{name}: 413/415");
                if (body["content"]!.AsObject().All(c => c.Value?["example"] is null)) missing.Add($"{name}: a request example");
            }
            if (string.IsNullOrWhiteSpace(operation["description"]?.ToString())) missing.Add($"{name}: a description");
            foreach (var (status, response) in responses)
            {
                var headers = response!["headers"]?.AsObject();
                if (headers is null || !headers.ContainsKey("RateLimit") || !headers.ContainsKey("RateLimit-Policy")) missing.Add($"{name} {status}: RateLimit headers");
                var content = response["content"]?.AsObject();
                if (status.StartsWith('4') && content?["application/problem+json"]?["schema"]?["$ref"]?.ToString() != "#/components/schemas/ProblemDocument")
                    missing.Add($"{name} {status}: the problem schema");
                if (status == "201" && headers?.ContainsKey("Location") != true) missing.Add($"{name} 201: Location");
                if (status == "429" && headers?.ContainsKey("Retry-After") != true) missing.Add($"{name} 429: Retry-After");
                if (status.StartsWith('2') && content?["application/json"]?["schema"] is { } schema && Resolve(schema, schemas)["type"]?.ToString() == "array")
                    missing.Add($"{name} {status}: a bare array instead of {{ items, page, pageSize, total }}");
            }
        }
        // Ids are integers (never "integer or string"), and no schema is left empty.
        foreach (var (schemaName, schema) in schemas)
        foreach (var (property, value) in schema!["properties"]?.AsObject() ?? [])
        {
            if (value!["type"] is JsonArray types && types.Any(t => t!.ToString() == "string") && types.Any(t => t!.ToString() is "integer" or "number"))
                missing.Add($"{schemaName}.{property}: number or string");
            if (value is JsonObject { Count: 0 }) missing.Add($"{schemaName}.{property}: an empty schema");
        }
        // Nor anywhere else, the webhooks' payloads included: an empty schema says nothing of what is sent.
        missing.AddRange(EmptyProperties(document, "#"));
        Assert.True(missing.Count == 0, "The document leaves out:\n" + string.Join('\n', missing));
    }

    private static IEnumerable<string> EmptyProperties(JsonNode node, string path)
    {
        if (node is JsonArray array)
            return array.SelectMany((item, i) => item is null ? [] : EmptyProperties(item, $"{path}/{i}"));
        if (node is not JsonObject obj) return [];
        var found = new List<string>();
        foreach (var (key, value) in obj)
        {
            if (value is null) continue;
            if (key == "properties" && value is JsonObject properties)
                found.AddRange(properties.Where(p => p.Value is JsonObject { Count: 0 }).Select(p => $"{path}/properties/{p.Key}: an empty schema"));
            found.AddRange(EmptyProperties(value, $"{path}/{key}"));
        }
        return found.Distinct();
    }

    [Fact]
    public async Task The_webhooks_section_describes_each_event_the_desk_sends_from_its_payload_type()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var webhooks = document["webhooks"]!.AsObject();
        Assert.Equal(Core.Domain.WebhookEvents.All.Append(Core.Domain.WebhookEvents.Ping).Order(), webhooks.Select(w => w.Key).Order());
        foreach (var (eventType, item) in webhooks)
        {
            var payload = item!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
            Assert.Equal(eventType, Assert.Single(payload["properties"]!["type"]!["enum"]!.AsArray())!.ToString());
            Assert.NotNull(payload["properties"]!["data"]!["properties"]![eventType == Core.Domain.WebhookEvents.Ping ? "subscriptionId" : "claimId"]);
        }
    }

    private static JsonNode Resolve(JsonNode schema, JsonObject schemas) =>
        schema["$ref"]?.ToString() is { } reference ? schemas[reference.Split('/')[^1]]! : schema;

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
