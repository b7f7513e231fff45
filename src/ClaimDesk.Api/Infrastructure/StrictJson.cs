using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// Request bodies say one thing or are refused: a key given twice (at any depth, in any letter case), a key that is
/// no field of the request, and an enum value that is not exactly one of its names are each a 400 naming the field.
/// System.Text.Json would otherwise let the last duplicate win, ignore unknown keys, and combine "reader,admin" bitwise.
/// </summary>
public static class StrictJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new StrictEnumConverterFactory());
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // A number is a JSON number: "3" for an id is refused like any other wrong type (and ids are integers in the contract).
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    /// <summary>"$.quote.start" → "quote.start", "$['a b']" → "a b"; null for the body as a whole.</summary>
    public static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        var field = System.Text.RegularExpressions.Regex.Replace(path.TrimStart('$'), @"\['((?:[^']|'')*)'\]", m => "." + m.Groups[1].Value.Replace("''", "'"));
        return ProblemDetailsExceptionHandler.FieldName(field.TrimStart('.'));
    }

    /// <summary>What is wrong with the field, in the client's words.</summary>
    public static string Problem(JsonException json, string field) => json switch
    {
        RefusedJsonValueException refused => refused.Message,
        // System.Text.Json reports these as plain JsonExceptions; its messages are not localised.
        _ when json.Message.StartsWith("Duplicate property", StringComparison.Ordinal) => $"'{field}' is given more than once; give each field once.",
        _ when json.Message.Contains("could not be mapped", StringComparison.Ordinal) => $"'{field}' is not a field of this request.",
        _ => $"'{field}' has a value of the wrong type or format.",
    };
}

/// <summary>
/// The OpenAPI document learns enum values from the serializer's own enum converter; with <see cref="StrictEnumConverterFactory"/>
/// in its place, each enum's schema is given its camelCase names here.
/// </summary>
public static class StrictEnumSchemas
{
    public static void Apply(Microsoft.OpenApi.OpenApiSchema schema, Type type)
    {
        if (!type.IsEnum) return;
        schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
        schema.Enum = Enum.GetNames(type).Select(n => (System.Text.Json.Nodes.JsonNode)JsonNamingPolicy.CamelCase.ConvertName(n)).ToList();
    }
}

/// <summary>A value the request's JSON holds but the desk refuses; its message is written for the client.</summary>
public sealed class RefusedJsonValueException(string message) : JsonException(message);

/// <summary>Enums read as exactly one camelCase name (any letter case) and written as that name.</summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (StrictEnum<TEnum>.TryParse(text, out var value)) return value;
            throw new RefusedJsonValueException(text is null
                ? $"Expected one of: {StrictEnum<TEnum>.Names} (as a string)."
                : $"{StrictEnum<TEnum>.Refusal(text)}");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        {
            if (StrictEnum<TEnum>.NameOf(value) is { } name) writer.WriteStringValue(name);
            else writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>
/// An enum's values the way clients write them: exactly one camelCase name, in any letter case. Never a number and
/// never a comma list ("reader,admin"), which Enum.Parse and JsonStringEnumConverter would combine bitwise.
/// </summary>
public static class StrictEnum<TEnum> where TEnum : struct, Enum
{
    private static readonly (string Name, TEnum Value)[] Values =
        Enum.GetValues<TEnum>().Select(v => (JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), v)).ToArray();

    public static readonly string Names = string.Join(", ", Values.Select(v => v.Name));

    public static bool TryParse(string? text, out TEnum value)
    {
        foreach (var (name, candidate) in Values)
        {
            if (!string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) continue;
            value = candidate;
            return true;
        }
        value = default;
        return false;
    }

    public static string? NameOf(TEnum value)
    {
        foreach (var (name, candidate) in Values)
            if (EqualityComparer<TEnum>.Default.Equals(candidate, value)) return name;
        return null;
    }

    public static string Refusal(string text) => $"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not one of: {Names}.";
}
