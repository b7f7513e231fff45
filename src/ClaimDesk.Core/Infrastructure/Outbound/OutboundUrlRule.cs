using ClaimDesk.Core.Common;
using FluentValidation;

namespace ClaimDesk.Core.Infrastructure.Outbound;

/// <summary>The validation every URL the desk will call shares: absolute http(s), and not an address the guard refuses.</summary>
public static class OutboundUrlRule
{
    public static IRuleBuilderOptions<T, string> MustBeReachableUrl<T>(this IRuleBuilder<T, string> rule, OutboundOptions outbound) =>
        rule.NotEmpty().MaximumLength(2048)
            .Must(UrlRules.IsHttpUrl).WithMessage("'Url' must be an absolute http or https URL.")
            .Must(url => Refusal(url, outbound) is null)
            .WithMessage((_, url) => $"'Url' is refused: {Refusal(url, outbound)}.");

    private static string? Refusal(string url, OutboundOptions outbound) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? OutboundAddressPolicy.RefuseUrl(uri, outbound) : null;
}
