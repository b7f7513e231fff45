using System.Text.Json.Nodes;
using ClaimDesk.Core.Features.Webhooks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ClaimDesk.Api.Contract;

/// <summary>The document as a whole: its info and server, the shared components, and the webhooks the desk sends.</summary>
internal static class DocumentConventions
{
    public static async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "ClaimDesk API";
        document.Info.Version = "v1";
        document.Info.Description =
            "Claim verification back office: articles, claims, evidence, review workflow, ClaimReview export. " +
            "Every list answers { items, page, pageSize, total }; GETs answer an ETag and honour If-None-Match (304); every answer carries the " +
            "RateLimit and RateLimit-Policy fields (draft-ietf-httpapi-ratelimit-headers-09); every error is an RFC 9457 problem with a stable " +
            "code. The webhooks section describes what the desk sends to subscriptions (signed per Standard Webhooks).";
        document.Info.Contact = new OpenApiContact { Name = "ClaimDesk", Url = new Uri("http://localhost:5080/docs/problems") };
        // A fixed server, not the request's Host: the document is the same wherever it is read (and equals its snapshot).
        document.Servers = [new OpenApiServer { Url = "http://localhost:5080", Description = "The desk's default address; use your desk's." }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "Authorization: Bearer <api key>",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] }];

        ContractComponents.Register(document);
        SchemaConventions.StripNullsFromRequestBodies(document);
        ClaimChangeKinds.Describe(document);

        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var (eventType, payloadType) in WebhookPayloads.TypeOf)
        {
            // Generated from the payload type (WebhookPayloads.TypeOf), so the section follows the code.
            var payload = await context.GetOrCreateSchemaAsync(payloadType, null, ct);
            RepairEnums(payload, payloadType, document);
            if (payload is OpenApiSchema { Properties: { } fields } && fields.TryGetValue("type", out var typeField) && typeField is OpenApiSchema type)
                type.Enum = [JsonValue.Create(eventType)];
            document.Webhooks[eventType] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = "Webhook_" + string.Concat(eventType.Split('.', '_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
                        Summary = $"{eventType}: sent to subscriptions that asked for it",
                        Description = WebhookPayloads.WhenSent[eventType] + " " +
                                      "data.sequence is the event's place in the claim's log (from 1, no gaps; deliveries may arrive out of order). " +
                                      "Links are absolute, from ClaimDesk:Desk:ApiUrl and ClaimUrlTemplate (null when not set). " +
                                      "Signed per Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature (v1, base64 HMAC-SHA256 of " +
                                      "'id.timestamp.body' with the whsec_ secret). Answer 2xx to take it; anything else is retried with back-off " +
                                      "for about a day; 410 Gone disables the subscription.",
                        Tags = new HashSet<OpenApiTagReference> { new("Webhooks", document) },
                        Parameters =
                        [
                            Header("webhook-id", "The message id; the same on every retry of one delivery.", "msg_42"),
                            Header("webhook-timestamp", "Seconds since the Unix epoch when this attempt was signed.", "1764086400"),
                            Header("webhook-signature", "v1,<base64 signature>; several, space-separated, during a secret rotation.", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="),
                        ],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = payload } },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["200"] = new OpenApiResponse { Description = "Taken (any 2xx)." },
                            ["410"] = new OpenApiResponse { Description = "Gone: the desk disables the subscription and sends no more." },
                        },
                    },
                },
            };
        }
    }

    /// <summary>
    /// A schema made here (rather than for an endpoint) loses its references to enum components: ASP.NET Core 10 leaves
    /// them empty ({}). They are filled in from the payload type, at any depth, so typed payloads keep typed enums.
    /// </summary>
    private static void RepairEnums(IOpenApiSchema schema, Type type, OpenApiDocument document)
    {
        if (schema is not OpenApiSchema { Properties: { } properties }) return;
        foreach (var property in type.GetProperties())
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!properties.TryGetValue(name, out var field) || field is not OpenApiSchema fieldSchema) continue;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsEnum && fieldSchema.Type is null && fieldSchema.Enum is null or { Count: 0 } && fieldSchema.OneOf is null or { Count: 0 })
            {
                var repaired = new OpenApiSchema();
                StrictEnumSchemaRepair(repaired, propertyType, nullable: propertyType != property.PropertyType);
                properties[name] = repaired;
            }
            else if (propertyType.IsClass && propertyType != typeof(string) && propertyType.Namespace?.StartsWith("ClaimDesk", StringComparison.Ordinal) == true)
                RepairEnums(fieldSchema, propertyType, document);
        }
    }

    private static void StrictEnumSchemaRepair(OpenApiSchema schema, Type enumType, bool nullable)
    {
        Infrastructure.StrictEnumSchemas.Apply(schema, enumType);
        if (nullable) schema.Type |= JsonSchemaType.Null;
    }

    private static OpenApiParameter Header(string name, string description, string example) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = true, Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(example),
    };
}
