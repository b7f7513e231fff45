using System.Globalization;
using ClaimDesk.Analysis;
using ClaimDesk.Core.Domain;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ClaimDesk.WebConsole.Infrastructure;

/// <summary>How values read on screen: times in the reader's zone, statuses and kinds in words.</summary>
public static class Display
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A UTC instant as a &lt;time&gt; in the reader's zone; the machine-readable value stays UTC.</summary>
    public static IHtmlContent Time(DateTime utc, TimeZoneInfo zone)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        var tag = new TagBuilder("time");
        tag.Attributes["datetime"] = instant.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        tag.InnerHtml.Append(local.ToString("d MMM yyyy, HH:mm", English));
        return tag;
    }

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", English) ?? "no date";

    public static string Percent(double value) => Math.Round(value * 100).ToString(CultureInfo.InvariantCulture) + " %";

    /// <summary>"needsReview" → "needs review": the API's names, in words.</summary>
    public static string Words<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }

    /// <summary>The camelCase the API and its query strings use.</summary>
    public static string Camel<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string Kind(ClaimKind kind, string? claimant) => kind switch
    {
        ClaimKind.Editorial => "editorial aside",
        ClaimKind.Attributed => claimant is null ? "attributed" : $"attributed to {claimant}",
        _ => "factual",
    };

    public static string StatusClass(ClaimStatus status) => "status status-" + Camel(status);

    /// <summary>Why an evidence is not an independent voice.</summary>
    public static string Dependence(string? reason) => reason switch
    {
        null => "independent",
        "sameOutlet" => "not independent: same outlet",
        "sameOwnerGroup" => "not independent: same owner group",
        "syndicatedCopy" => "not independent: syndicated copy",
        _ => "not independent: " + reason,
    };

    public static string Move(string name) => name switch
    {
        "startReview" => "Start review",
        "returnToQueue" => "Return to queue",
        "verify" => "Verified",
        "dispute" => "Disputed",
        "ruleEditorializing" => "Editorializing",
        "ruleUnverifiable" => "Unverifiable",
        "markDuplicate" => "Duplicate of…",
        "reopen" => "Reopen",
        "undoDuplicate" => "Not a duplicate",
        _ => name,
    };
}
