using ClaimDesk.Training;

// `dotnet run --project tools/ClaimDesk.Training -- stance --data ../shared/datasets/fnc1 [--out <model.json>] [--cache <file>]`
if (args.Length == 0 || args[0] != "stance")
{
    Console.WriteLine("Usage: stance --data <fnc1 folder> [--out <model file>] [--cache <vector cache file>] [--embed-only]");
    return args.Length == 0 ? 0 : 2;
}
return StanceTraining.Run(args[1..]);
