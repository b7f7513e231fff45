namespace ClaimDesk.Fnc1;

/// <summary>
/// Splits FNC-1 by article body, never by row: a held-out body's every pair is held out, so no body text is seen in
/// training and scored in evaluation. The shuffle is a seeded Fisher–Yates over the sorted body ids, so the same seed
/// gives the same split on every machine and .NET version (System.Random with a seed is a fixed algorithm).
/// </summary>
public sealed record Fnc1Split(IReadOnlySet<int> TrainBodies, IReadOnlySet<int> HeldOutBodies)
{
    /// <summary>The seed of the development split that training reports on and the evaluation reuses.</summary>
    public const int DevSeed = 20170601;
    public const double DevShare = 0.2;

    /// <summary>The development split: 80 % of the bodies for training, 20 % held out.</summary>
    public static Fnc1Split Dev(Fnc1Dataset data) => ByBody(data.Bodies.Keys, DevSeed, DevShare);

    /// <summary>
    /// The inner split of the training bodies, for tuning: everything chosen on it (hyper-parameters, thresholds,
    /// class weights, features) never sees the held-out bodies.
    /// </summary>
    public Fnc1Split Inner(int seed = DevSeed + 1, double share = DevShare) => ByBody(TrainBodies, seed, share);

    public static Fnc1Split ByBody(IEnumerable<int> bodyIds, int seed, double heldOutShare)
    {
        var ids = bodyIds.Distinct().Order().ToArray();
        var random = new Random(seed);
        for (var i = ids.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        var heldOut = (int)Math.Round(ids.Length * heldOutShare);
        return new Fnc1Split(ids.Skip(heldOut).ToHashSet(), ids.Take(heldOut).ToHashSet());
    }

    public IReadOnlyList<Fnc1Pair> TrainPairs(Fnc1Dataset data) => data.Pairs.Where(p => TrainBodies.Contains(p.BodyId)).ToList();

    public IReadOnlyList<Fnc1Pair> HeldOutPairs(Fnc1Dataset data) => data.Pairs.Where(p => HeldOutBodies.Contains(p.BodyId)).ToList();
}
