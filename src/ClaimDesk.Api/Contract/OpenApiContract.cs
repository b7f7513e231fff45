using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimDesk.Api.Infrastructure;
using ClaimDesk.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ClaimDesk.Api.Contract;

/// <summary>
/// The OpenAPI document says what the server does, from what the endpoints declare — their route, handler parameters,
/// response types, authorization policy — and the desk's conventions, applied here once for every endpoint:
/// <list type="bullet">
/// <item>every /api/v1 answer: 400 (unknown query parameters), 401, 403, 429 with Retry-After, and the RateLimit headers;</item>
/// <item>a route with an id: 404; a GET: If-None-Match, ETag and 304; a POST: Idempotency-Key, 409 and 422;</item>
/// <item>a body: 413 and 415, and the example of its request record; an If-Match parameter: required, 412 and 428;</item>
/// <item>201 and 202: Location (202 marked <see cref="RetryLaterMetadata"/>: Retry-After instead);</item>
/// <item>every problem: the <c>Problem</c> schema, with the codes its status can carry;</item>
/// <item>the roles that may call it, from its authorization policy, at the end of its description.</item>
/// </list>
/// Schemas: request records per <see cref="IRequestBody{TSelf}"/>, enums as their camelCase names, <see cref="ValuesOfAttribute"/>
/// lists. The document: servers, contact, the problem schema, and a webhooks section built from <c>WebhookPayloads</c>.
/// </summary>
public static class OpenApiContract
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddClaimDeskOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options => options
            .AddSchemaTransformer(SchemaConventions.TransformAsync)
            .AddOperationTransformer(OperationConventions.TransformAsync)
            .AddDocumentTransformer(DocumentConventions.TransformAsync));
}

/// <summary>A 202 that means "not ready yet, ask again after Retry-After" rather than "accepted, see Location".</summary>
public sealed class RetryLaterMetadata
{
    public static readonly RetryLaterMetadata Instance = new();
}

internal static class SchemaConventions
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        StrictEnumSchemas.Apply(schema, type);
        if (type == typeof(JsonObject))
        {
            // Audit before/after and webhook change data: objects whose fields depend on the kind of change.
            schema.Type = JsonSchemaType.Object | (schema.Type & JsonSchemaType.Null);
            schema.AdditionalPropertiesAllowed = true;
        }
        if (context.JsonPropertyInfo is null && type.GetConstructors().FirstOrDefault(c => c.GetParameters().Length > 0) is { } constructor)
            ApplyParameterAttributes(schema, type, constructor, context);
        return Task.CompletedTask;
    }

    private static void ApplyParameterAttributes(OpenApiSchema schema, Type type, ConstructorInfo constructor, OpenApiSchemaTransformerContext context)
    {
        if (schema.Properties is null) return;
        var isRequestBody = type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestBody<>));
        var naming = context.JsonTypeInfo.Options.PropertyNamingPolicy ?? JsonNamingPolicy.CamelCase;
        foreach (var parameter in constructor.GetParameters())
        {
            var name = naming.ConvertName(parameter.Name!);
            if (!schema.Properties.TryGetValue(name, out var property) || property is not OpenApiSchema field) continue;
            if (parameter.GetCustomAttribute<NullMeansAttribute>() is { } nullMeans) field.Description = $"null {nullMeans.Meaning}.";
            var values = parameter.GetCustomAttribute<ValuesOfAttribute>()?.Values ?? parameter.GetCustomAttribute<ValuesOfEnumAttribute>()?.Values;
            if (values is not null)
            {
                var target = field.Items as OpenApiSchema ?? field;
                target.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            }
        }
        if (isRequestBody && type.GetProperty("Example", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is { } example)
            schema.Examples = [JsonSerializer.SerializeToNode(example, type,
                new JsonSerializerOptions(context.JsonTypeInfo.Options) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull })!];
    }

    /// <summary>
    /// A request field is never null unless it says what null means: absent is how a client leaves it out. Applied to the
    /// finished components (the document transformer), where nullable references have their final oneOf shape.
    /// </summary>
    public static void StripNullsFromRequestBodies(OpenApiDocument document)
    {
        var requestTypes = typeof(SchemaConventions).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestBody<>)));
        foreach (var type in requestTypes)
        {
            if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(type.Name, out var found) || found is not OpenApiSchema { Properties: { } properties }) continue;
            var constructor = type.GetConstructors().First(c => c.GetParameters().Length > 0);
            foreach (var parameter in constructor.GetParameters().Where(p => p.GetCustomAttribute<NullMeansAttribute>() is null))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
                if (!properties.TryGetValue(name, out var field) || field is not OpenApiSchema schema) continue;
                properties[name] = StripNull(schema);
                // ASP.NET Core 10 sometimes leaves a nullable enum's schema empty ({}); name the enum's component instead.
                if (IsEmpty(schema) && (Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType) is { IsEnum: true } enumType)
                {
                    var enumSchema = new OpenApiSchema();
                    StrictEnumSchemas.Apply(enumSchema, enumType);
                    properties[name] = schemas.ContainsKey(enumType.Name) ? new OpenApiSchemaReference(enumType.Name, document) : enumSchema;
                }
            }
        }
    }

    private static bool IsEmpty(OpenApiSchema schema) =>
        schema is { Type: null, Enum: null or { Count: 0 }, OneOf: null or { Count: 0 }, AllOf: null or { Count: 0 }, AnyOf: null or { Count: 0 }, Properties: null or { Count: 0 }, Items: null };

    private static IOpenApiSchema StripNull(OpenApiSchema field)
    {
        if (field.Type is { } t && t.HasFlag(JsonSchemaType.Null) && t != JsonSchemaType.Null) field.Type = t & ~JsonSchemaType.Null;
        // A nullable reference is oneOf [null, $ref]: the $ref alone.
        if (field.OneOf is { Count: 2 } oneOf && oneOf.Count(s => s is OpenApiSchema { Type: JsonSchemaType.Null }) == 1)
            return oneOf.Single(s => s is not OpenApiSchema { Type: JsonSchemaType.Null });
        return field;
    }
}

internal static class OperationConventions
{
    public static async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var path = "/" + (description.RelativePath ?? "");
        if (!path.StartsWith("/api/v1", StringComparison.Ordinal)) return;
        var document = context.Document!;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        operation.Parameters ??= [];
        operation.Responses ??= [];

        operation.Description = Join(operation.Description, $"Roles: {string.Join(", ", RolesOf(metadata))}.");

        // Query values parsed by the endpoint (for its own 400 wording) are still enums in the contract.
        foreach (var parameter in description.ParameterDescriptions)
        {
            var values = (parameter.ParameterDescriptor as Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor)?.ParameterInfo
                .GetCustomAttribute<ValuesOfEnumAttribute>()?.Values;
            if (values is null || operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == parameter.Name) is not { Schema: OpenApiSchema schema })
                continue;
            var target = schema.Items as OpenApiSchema ?? schema;
            target.Type = JsonSchemaType.String;
            target.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
            ListParameters.Describe(parameter);

        var ifMatch = operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p is { In: ParameterLocation.Header, Name: "If-Match" });
        if (ifMatch is not null)
        {
            ifMatch.Required = true;
            ifMatch.Description = "The claim's current ETag (from GET /claims/{id} or the last change's answer). Missing: 428; stale: 412.";
            ifMatch.Example = JsonValue.Create("\"1-3\"");
            ifMatch.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        if (HttpMethods.IsGet(method))
            operation.Parameters.Add(new OpenApiParameterReference(ContractComponents.IfNoneMatch, document));
        if (HttpMethods.IsPost(method))
            operation.Parameters.Add(new OpenApiParameterReference(ContractComponents.IdempotencyKey, document));

        if (operation.RequestBody is OpenApiRequestBody body && description.ParameterDescriptions.FirstOrDefault(p => p.Source.Id == "Body") is { } bodyParameter
            && bodyParameter.Type.GetProperty("Example", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is { } example)
        {
            var json = new JsonSerializerOptions(context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions)
            {
                DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, // an example leaves optional fields out
            };
            foreach (var media in body.Content?.Values ?? []) media.Example = JsonSerializer.SerializeToNode(example, bodyParameter.Type, json);
        }

        // What the desk answers whatever the endpoint does.
        var statuses = new SortedSet<int> { 400, 401, 403, 429 };
        if (description.RelativePath!.Contains('{')) statuses.Add(404);
        if (HttpMethods.IsPost(method)) { statuses.Add(409); statuses.Add(422); }
        if (operation.RequestBody is not null) { statuses.Add(413); statuses.Add(415); }
        if (ifMatch is not null) { statuses.Add(412); statuses.Add(428); }
        foreach (var status in operation.Responses.Keys.Select(int.Parse).Where(s => s >= 400)) statuses.Add(status);
        foreach (var status in statuses) operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ContractComponents.ProblemResponse(status, document);

        var returnsClaimVersion = ifMatch is not null || description.SupportedResponseTypes.Any(r => r.Type == typeof(Core.Features.Claims.ClaimView));
        var retryLater = metadata.OfType<RetryLaterMetadata>().Any();
        foreach (var (code, response) in operation.Responses.Where(r => r.Key.StartsWith('2')).ToList())
        {
            if (response is not OpenApiResponse success) continue;
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            ContractComponents.AddRateLimitHeaders(success, document);
            if (code == "201") success.Headers["Location"] = new OpenApiHeaderReference(ContractComponents.Location, document);
            if (code == "202")
                success.Headers[retryLater ? "Retry-After" : "Location"] =
                    new OpenApiHeaderReference(retryLater ? ContractComponents.RetryAfter : ContractComponents.Location, document);
            if ((code == "200" && HttpMethods.IsGet(method)) || (returnsClaimVersion && success.Content is { Count: > 0 }))
                success.Headers["ETag"] = new OpenApiHeaderReference(ContractComponents.ETag, document);
            if (string.IsNullOrEmpty(success.Description)) success.Description = "OK";
        }
        if (HttpMethods.IsGet(method))
        {
            var notModified = new OpenApiResponse
            {
                Description = "Not Modified: If-None-Match names the current ETag; the body is not sent again.",
                Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = new OpenApiHeaderReference(ContractComponents.ETag, document) },
            };
            ContractComponents.AddRateLimitHeaders(notModified, document);
            operation.Responses["304"] = notModified;
        }
        await Task.CompletedTask;
    }

    private static IEnumerable<string> RolesOf(IList<object> metadata)
    {
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
        var roles = policies.Count == 0 ? RolePermissions.Policies[RolePermissions.Read] : RolePermissions.Policies[policies[^1]!];
        return roles.Select(r => JsonNamingPolicy.CamelCase.ConvertName(r.ToString()));
    }

    private static string Join(string? first, string second) => string.IsNullOrWhiteSpace(first) ? second : $"{first.TrimEnd()}\n\n{second}";
}

/// <summary>The document's shared parts: headers, parameters, the problem schema, referenced from every operation.</summary>
internal static class ContractComponents
{
    public const string IfNoneMatch = "If-None-Match";
    public const string IdempotencyKey = "Idempotency-Key";
    public const string ETag = "ETag";
    public const string Location = "Location";
    public const string RetryAfter = "Retry-After";
    public const string RateLimit = "RateLimit";
    public const string RateLimitPolicy = "RateLimit-Policy";
    public const string Problem = nameof(ProblemDocument);

    public static void AddRateLimitHeaders(OpenApiResponse response, OpenApiDocument document)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[RateLimitPolicy] = new OpenApiHeaderReference(RateLimitPolicy, document);
        response.Headers[RateLimit] = new OpenApiHeaderReference(RateLimit, document);
    }

    public static OpenApiResponse ProblemResponse(int status, OpenApiDocument document)
    {
        var codes = ProblemCatalog.CodesFor(status).ToList();
        var response = new OpenApiResponse
        {
            Description = $"{ReasonPhrase(status)}. The codes a {status} carries: {string.Join(", ", codes)}.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem, document) },
            },
            Headers = new Dictionary<string, IOpenApiHeader>(),
        };
        AddRateLimitHeaders(response, document);
        if (status == 429) response.Headers[RetryAfter] = new OpenApiHeaderReference(RetryAfter, document);
        if (status == 412) response.Headers[ETag] = new OpenApiHeaderReference(ETag, document);
        return response;
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    public static void Register(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        var headers = document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        headers[ETag] = Header("The answer's entity tag. A claim's is its version (\"{id}-{version}\"), which changes need in If-Match; " +
                               "any other answer's is a hash of its content. Send it back in If-None-Match to get 304 while nothing changed.", "\"12-4\"");
        headers[Location] = Header("Where the created (201) or accepted (202) resource is read, relative to the desk.", "/api/v1/claims/12");
        headers[RetryAfter] = Header("Seconds to wait before asking again.", "10", JsonSchemaType.Integer);
        headers[RateLimitPolicy] = Header("The quota per API key (draft-ietf-httpapi-ratelimit-headers-09): q permits per w seconds.",
            "\"per-key\";q=600;w=60");
        headers[RateLimit] = Header("What is left of the quota (draft-ietf-httpapi-ratelimit-headers-09): r permits, full again in t seconds.",
            "\"per-key\";r=599;t=10");

        var parameters = document.Components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        parameters[IfNoneMatch] = new OpenApiParameter
        {
            Name = IfNoneMatch, In = ParameterLocation.Header, Required = false, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Description = "An ETag you hold: 304 Not Modified when it is still current.", Example = JsonValue.Create("\"12-4\""),
        };
        parameters[IdempotencyKey] = new OpenApiParameter
        {
            Name = IdempotencyKey, In = ParameterLocation.Header, Required = false,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            Description = "Your id for this request (kept 24 h per API key): a retry with the same key and body replays the first answer " +
                          "(Idempotent-Replayed: true); the same key with another body is a 422; while the first still runs, a 409. " +
                          "Use a new random value (a UUID) per request; no example is given, so that tools never send one key twice.",
        };

        // Every problem response refers to ProblemDocument (see the API group in Program.cs, which makes it a component).
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
    }

    private static OpenApiHeader Header(string description, string example, JsonSchemaType type = JsonSchemaType.String) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = type },
        Example = type == JsonSchemaType.Integer ? JsonValue.Create(int.Parse(example, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(example),
    };
}

/// <summary>The list parameters every list shares, described once.</summary>
internal static class ListParameters
{
    public static void Describe(OpenApiParameter parameter)
    {
        if (parameter.Schema is not OpenApiSchema schema || parameter.In != ParameterLocation.Query) return;
        switch (parameter.Name)
        {
            case "page":
                parameter.Description = $"Which page, from 1 (default 1; at most {Core.Common.Paging.MaxPage}); a page past the last is empty.";
                schema.Minimum = "1";
                schema.Maximum = Core.Common.Paging.MaxPage.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "pageSize":
                parameter.Description = $"Items per page (default {Core.Common.Paging.DefaultPageSize}, at most {Core.Common.Paging.MaxPageSize}).";
                schema.Minimum = "1";
                schema.Maximum = Core.Common.Paging.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "updatedSince":
                parameter.Description = "Sync: only what changed at or after this instant (ISO 8601, e.g. 2026-11-25T17:00:00.1234567Z), " +
                                        "oldest change first (updatedAt, then id). Page on with the last item's updatedAt and afterId.";
                break;
            case "afterId":
                parameter.Description = "Sync cursor, with updatedSince = the last item's updatedAt: continue after the item with this id.";
                break;
        }
    }
}
