using System.Text.Json;
using Deque.AxeCore.Commons;

namespace ClaimDesk.WebConsole.Tests.Support;

/// <summary>axe-core (the script bundled in Deque.AxeCore.Commons, no download) run in the page the browser shows.</summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    public sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() => $"{Impact} {Id}: {Help} at {string.Join(", ", Targets)}";
    }

    /// <summary>The violations of impact serious or critical (WCAG 2.x A/AA and best practices).</summary>
    public static IReadOnlyList<Violation> SeriousViolations(this Browser browser)
    {
        browser.Driver.ExecuteScript(Script.Value);
        var json = (string)browser.Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                  targets: v.nodes.map(n => n.target.join(' ')) })))))
              .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }])));
            """)!;
        return JsonSerializer.Deserialize<List<Violation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            .Where(v => v.Impact is "serious" or "critical").ToList();
    }
}
