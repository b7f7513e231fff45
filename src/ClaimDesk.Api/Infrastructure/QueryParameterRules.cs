using System.Reflection;
using ClaimDesk.Core.Common;
using Microsoft.AspNetCore.Http.Metadata;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>
/// Every API endpoint takes exactly the query parameters its handler declares. An unknown one (a typo that would
/// otherwise be ignored, so that a filtered list answers with everything) is a 400 naming it and listing the accepted
/// ones. A parameter given twice is a 400 too, unless the handler takes a list (string[]): then it is a multi-value
/// filter. Read from the handler's parameters when the endpoint is built, so no endpoint lists its parameters twice.
/// </summary>
public static class QueryParameterRules
{
    public static RouteGroupBuilder RefuseUnknownQueryParameters(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route) return;
            var routeValues = route.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            endpoint.FilterFactories.Add((factory, next) =>
            {
                var accepted = Declared(factory.MethodInfo, routeValues);
                return invocation =>
                {
                    var request = invocation.HttpContext.Request;
                    if (request.QueryString.HasValue) Check(request.Query, accepted);
                    return next(invocation);
                };
            });
        });
        return group;
    }

    /// <summary>Query parameter name → whether it takes several values.</summary>
    private static Dictionary<string, bool> Declared(MethodInfo handler, HashSet<string> routeValues)
    {
        var accepted = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.GetParameters())
        {
            var attributes = parameter.GetCustomAttributes(inherit: true);
            var fromQuery = attributes.OfType<IFromQueryMetadata>().FirstOrDefault();
            var boundElsewhere = attributes.Any(a => a is IFromBodyMetadata or IFromServiceMetadata or IFromHeaderMetadata
                or IFromRouteMetadata or IFromFormMetadata);
            // What minimal APIs bind from the query by themselves: a parsable value (or a list of them) not named by the route.
            if (fromQuery is null && (boundElsewhere || routeValues.Contains(parameter.Name!) || !IsQueryValue(parameter.ParameterType)))
                continue;
            accepted[fromQuery?.Name ?? parameter.Name!] = parameter.ParameterType.IsArray;
        }
        return accepted;
    }

    private static bool IsQueryValue(Type type)
    {
        if (type.IsArray) type = type.GetElementType()!;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>));
    }

    private static void Check(IQueryCollection query, Dictionary<string, bool> accepted)
    {
        foreach (var (name, values) in query)
        {
            if (!accepted.TryGetValue(name, out var takesSeveral))
            {
                var shown = name.Length > 60 ? name[..60] + "…" : name;
                throw new FieldValidationException(shown, accepted.Count == 0
                    ? $"'{shown}' is not a query parameter of this endpoint; it takes none."
                    : $"'{shown}' is not a query parameter of this endpoint; it accepts: {string.Join(", ", accepted.Keys)}.");
            }
            if (!takesSeveral && values.Count > 1)
                throw new FieldValidationException(name, $"'{name}' may be given once; only filters that take several values (repeated) may repeat.");
        }
    }
}
