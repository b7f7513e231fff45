using System.Reflection;
using ClaimDesk.Evaluation;

// `dotnet run --project tools/ClaimDesk.Evaluation -- <evaluation> [--samples ../shared/samples/articles]`
var evaluations = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IEvaluation).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IEvaluation)Activator.CreateInstance(t)!)
    .OrderBy(e => e.Name)
    .ToList();

var flag = Array.IndexOf(args, "--samples");
var samples = flag >= 0 && flag + 1 < args.Length ? Path.GetFullPath(args[flag + 1]) : SampleArticles.Folder;
var chosen = args.Length > 0 ? evaluations.FirstOrDefault(e => e.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)) : null;
if (chosen is null)
{
    Console.WriteLine("Evaluations:");
    foreach (var e in evaluations) Console.WriteLine($"  {e.Name,-16} {e.Description}");
    return args.Length == 0 ? 0 : 2;
}
return await chosen.RunAsync(samples, args[1..]);
