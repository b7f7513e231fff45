using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimDesk.Core.Common;

/// <summary>
/// A field of a JSON Merge Patch (RFC 7396) that the client gave: its new value, which may be null ("clear it"). A
/// field the client left out is no FieldChange at all (null), so "absent" and "null" stay apart.
/// </summary>
[JsonConverter(typeof(FieldChangeConverterFactory))]
public sealed record FieldChange<T>(T? Value);

/// <summary>Reads a present field — null included — as a <see cref="FieldChange{T}"/>, the value with the serializer's own rules for T.</summary>
public sealed class FieldChangeConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(FieldChange<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(FieldChangeConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class FieldChangeConverter<T> : JsonConverter<FieldChange<T>>
    {
        // Called for a JSON null too: a present null is "clear this field", not "leave it".
        public override bool HandleNull => true;

        // The value's own converter, called in place, so a refused value is reported at this field's path ("$.kind").
        public override FieldChange<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.TokenType == JsonTokenType.Null ? default : ((JsonConverter<T>)options.GetConverter(typeof(T))).Read(ref reader, typeof(T), options));

        public override void Write(Utf8JsonWriter writer, FieldChange<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
