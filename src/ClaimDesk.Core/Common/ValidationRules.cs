using FluentValidation;

namespace ClaimDesk.Core.Common;

/// <summary>
/// The rules every validator shares for what clients send: text a reader can see (<see cref="TextScreening"/>),
/// API key names, bounded lists and page numbers. One definition each, so every field of a kind is held to the same rule.
/// </summary>
public static class ValidationRules
{
    /// <summary>Reported at most per request; the answer counts the rest (a flood of bad items must not make a flood of text).</summary>
    public const int MaxReportedErrors = 20;

    public const string KeyNameCharacters = "ASCII letters, digits, '.', '_', '@', '-' and single spaces between them, starting with a letter or digit";

    private const string KeyNamePattern = "^[A-Za-z0-9][A-Za-z0-9._@-]*( [A-Za-z0-9._@-]+)*$";

    /// <summary>Prose the desk writes: claim text, rationale, comments, notes, descriptions.</summary>
    public static IRuleBuilderOptions<T, string?> ProseText<T>(this IRuleBuilder<T, string?> rule) => rule.Screened(TextKind.Prose);

    /// <summary>One line: titles, names, claimants, outlets, owner groups, assignees.</summary>
    public static IRuleBuilderOptions<T, string?> LabelText<T>(this IRuleBuilder<T, string?> rule) => rule.Screened(TextKind.Label);

    /// <summary>An article's text, kept verbatim (quote offsets point into it).</summary>
    public static IRuleBuilderOptions<T, string?> SourceText<T>(this IRuleBuilder<T, string?> rule) => rule.Screened(TextKind.Source);

    /// <summary>
    /// API key names are who the audit log says acted, so they must not be confusable: plain ASCII (no homoglyphs, no
    /// invisible characters), no leading, trailing or doubled spaces.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> KeyName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(200).Matches(KeyNamePattern).WithMessage($"'{{PropertyName}}' may use only {KeyNameCharacters}.");

    /// <summary>
    /// Bounds a list a client sends. Pair the list's per-item rules with <c>.When(count &lt;= max)</c> so an oversized
    /// list is refused without looking at each item.
    /// </summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> AtMostItems<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int max) =>
        rule.Must((_, items, context) =>
        {
            if (items is null || items.Count <= max) return true;
            context.MessageFormatter.AppendArgument("Count", items.Count);
            return false;
        }).WithMessage($"'{{PropertyName}}' may hold at most {max} items; it holds {{Count}}.");

    /// <summary>Pages past the last one are empty; page numbers past <see cref="Paging.MaxPage"/> are refused (400), never wrapped.</summary>
    public static IRuleBuilderOptions<T, int> PageNumber<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, Paging.MaxPage).WithMessage($"'page' must be between 1 and {Paging.MaxPage}; a page past the last one is empty.");

    public static IRuleBuilderOptions<T, int> PageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"'pageSize' must be between 1 and {Paging.MaxPageSize}.");

    private static IRuleBuilderOptions<T, string?> Screened<T>(this IRuleBuilder<T, string?> rule, TextKind kind) =>
        rule.Must((_, value, context) =>
        {
            // Blank is for NotEmpty to judge: required fields refuse it, optional ones take it as absent.
            if (string.IsNullOrWhiteSpace(value)) return true;
            var problem = TextScreening.Problem(value, kind);
            if (problem is null) return true;
            context.MessageFormatter.AppendArgument("TextProblem", problem);
            return false;
        }).WithMessage("'{PropertyName}' {TextProblem}.");
}
