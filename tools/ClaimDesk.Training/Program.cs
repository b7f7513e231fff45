using ClaimDesk.Training;

// `dotnet run --project tools/ClaimDesk.Training -- stance --data ../shared/datasets/fnc1 [--out <model.json>] [--cache <file>]`
// `dotnet run --project tools/ClaimDesk.Training -- retrieval --data ../shared/datasets/fnc1`
return args.FirstOrDefault() switch
{
    "stance" => StanceTraining.Run(args[1..]),
    "retrieval" => RetrievalRecall.Run(args[1..]),
    _ => Usage(),
};

int Usage()
{
    Console.WriteLine("Usage: stance --data <fnc1 folder> [--out <model file>] [--cache <vector cache file>] [--embed-only]");
    Console.WriteLine("       retrieval --data <fnc1 folder> [--cache <vector cache file>]   (recall of related bodies among retrieval's candidates)");
    return args.Length == 0 ? 0 : 2;
}
