using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimDesk.Core.Common;
using ClaimDesk.Core.Domain;
using Microsoft.OpenApi;

namespace ClaimDesk.Api.Contract;

/// <summary>
/// The history's entries carry before/after/detail objects whose fields depend on the kind of change. Each kind is a typed
/// record (<see cref="ClaimChange"/>); the document describes them from those records, so it follows the code.
/// </summary>
internal static class ClaimChangeKinds
{
    public static void Describe(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue("ClaimEventView", out var found) || found is not OpenApiSchema { Properties: { } properties })
            return;
        var kinds = typeof(ClaimChange).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToList();
        if (properties.TryGetValue("type", out var type) && type is OpenApiSchema typeSchema)
            typeSchema.Description = "The kind of change: " + string.Join("; ", kinds.Select(Kind)) +
                                     ". (A field in brackets may be absent; entries older than these kinds keep the objects they stored.)";
        if (properties.TryGetValue("sequence", out var sequence) && sequence is OpenApiSchema sequenceSchema)
            sequenceSchema.Description = "The entry's place in the claim's log, from 1, with no gaps; webhook deliveries carry the same number.";
    }

    /// <summary>e.g. "transition: before {status, [rationale], …}, after {…}, detail {…}".</summary>
    private static string Kind(Type kind)
    {
        var instance = (ClaimChange)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(kind);
        var parts = kind.GetConstructors().Single().GetParameters()
            .Select(p => (Part: $"{Camel(p.Name!)} {{{string.Join(", ", Fields(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))}}}", Optional: p.HasDefaultValue || IsNullable(p)))
            .Select(p => p.Optional ? $"[{p.Part}]" : p.Part);
        return $"{instance.Type}{(kind == typeof(SourceCited) ? " (a cited source)" : "")}: {string.Join(", ", parts)}";
    }

    private static IEnumerable<string> Fields(Type part)
    {
        var constructor = part.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        foreach (var p in constructor.GetParameters())
        {
            var optional = p.HasDefaultValue || IsNullable(p);
            var inner = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            var nested = inner.IsClass && inner != typeof(string) && inner.Namespace == typeof(ClaimChange).Namespace && !inner.IsGenericType
                ? $" {{{string.Join(", ", Fields(inner))}}}"
                : inner.IsGenericType && inner.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && inner.GetGenericArguments()[0].Namespace == typeof(ClaimChange).Namespace
                    && inner.GetGenericArguments()[0].IsClass
                    ? $" [{{{string.Join(", ", Fields(inner.GetGenericArguments()[0]))}}}]"
                    : "";
            var name = Camel(p.Name!) + nested;
            yield return optional ? $"[{name}]" : name;
        }
    }

    private static bool IsNullable(ParameterInfo p) =>
        Nullable.GetUnderlyingType(p.ParameterType) is not null || new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable
        || (p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(FieldChange<>));

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
