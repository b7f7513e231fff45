namespace ClaimDesk.Api.Contract;

/// <summary>
/// A JSON request body. Its OpenAPI schema is read from the record: a field is required when its constructor parameter
/// has no default (give optional fields <c>= null</c>), it is never null unless <see cref="NullMeansAttribute"/> says
/// what null does, and <see cref="Example"/> is the example the document (and the API reference page) shows.
/// </summary>
public interface IRequestBody<TSelf> where TSelf : IRequestBody<TSelf>
{
    static abstract TSelf Example { get; }
}

/// <summary>Null is a value of this field, not just "absent": the document says what it does.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class NullMeansAttribute(string meaning) : Attribute
{
    public string Meaning { get; } = meaning;
}

/// <summary>The field's values (or its items') are exactly the strings of a static list, e.g. the webhook event names.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ValuesOfAttribute(Type type, string member) : Attribute
{
    public IReadOnlyList<string> Values { get; } =
        (IReadOnlyList<string>)(type.GetField(member)?.GetValue(null) ?? type.GetProperty(member)?.GetValue(null)
                                ?? throw new ArgumentException($"{type.Name}.{member} is not a static list of strings."));
}

/// <summary>The field's values (or its items') are an enum's camelCase names: for problem extensions, written as plain strings.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ValuesOfEnumAttribute(Type enumType) : Attribute
{
    public IReadOnlyList<string> Values { get; } =
        Enum.GetNames(enumType).Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName).ToList();
}
