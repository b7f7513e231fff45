namespace ClaimDesk.Evaluation;

/// <summary>Counts for one class, and the figures derived from them.</summary>
public sealed class PrecisionRecall(string name)
{
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int FalseNegatives { get; set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public override string ToString() =>
        $"{name,-12} precision {Precision:P0} ({TruePositives}/{TruePositives + FalsePositives})   recall {Recall:P0} ({TruePositives}/{TruePositives + FalseNegatives})";
}
