using System.Reflection;
using BenchmarkDotNet.Running;
using ClaimDesk.Bench;

// `dotnet run -c Release --project bench/ClaimDesk.Bench -- <scenario> [options]` runs a load/latency scenario;
// anything else is handed to BenchmarkDotNet (e.g. `-- --filter *Segment*`).
var scenarios = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchScenario).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchScenario)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name)
    .ToList();

var chosen = args.Length > 0 ? scenarios.FirstOrDefault(s => s.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)) : null;
if (chosen is not null)
{
    await chosen.RunAsync(args[1..]);
    return;
}

if (args.Length == 0)
{
    Console.WriteLine("Scenarios:");
    foreach (var s in scenarios) Console.WriteLine($"  {s.Name,-24} {s.Description}");
    Console.WriteLine("Or BenchmarkDotNet arguments, e.g. --filter '*'");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(IBenchScenario).Assembly).Run(args);
