using System.Globalization;
using System.Text;

namespace ClaimDesk.Fnc1;

/// <summary>Precision, recall and F1 of one class.</summary>
public sealed record ClassFigures(Fnc1Label Label, double Precision, double Recall, double F1, int Support);

/// <summary>
/// The figures FNC-1 is reported with: a confusion matrix (rows gold, columns predicted), per-class precision, recall
/// and F1, macro-F1 over the four classes, and the official FNC-1 score — +0.25 for a correct related/unrelated call,
/// +0.75 more for the correct stance of a related pair — with its maximum and the percentage reached.
/// </summary>
public sealed class Fnc1Metrics
{
    private static readonly Fnc1Label[] Labels = Enum.GetValues<Fnc1Label>();
    private readonly int[,] _confusion = new int[4, 4];

    public void Add(Fnc1Label gold, Fnc1Label predicted) => _confusion[(int)gold, (int)predicted]++;

    public static Fnc1Metrics Of(IEnumerable<(Fnc1Label Gold, Fnc1Label Predicted)> outcomes)
    {
        var metrics = new Fnc1Metrics();
        foreach (var (gold, predicted) in outcomes) metrics.Add(gold, predicted);
        return metrics;
    }

    public int Count(Fnc1Label gold, Fnc1Label predicted) => _confusion[(int)gold, (int)predicted];

    public int Total => Labels.Sum(g => Labels.Sum(p => Count(g, p)));

    public ClassFigures For(Fnc1Label label)
    {
        var truePositives = Count(label, label);
        var predicted = Labels.Sum(g => Count(g, label));
        var actual = Labels.Sum(p => Count(label, p));
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = actual == 0 ? 0 : (double)truePositives / actual;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassFigures(label, precision, recall, f1, actual);
    }

    public double MacroF1 => Labels.Average(l => For(l).F1);

    public double Accuracy => Total == 0 ? 0 : (double)Labels.Sum(l => Count(l, l)) / Total;

    /// <summary>The official FNC-1 score of these predictions.</summary>
    public double FncScore
    {
        get
        {
            var score = 0.0;
            foreach (var gold in Labels)
            foreach (var predicted in Labels)
            {
                var n = Count(gold, predicted);
                if (gold == predicted) score += 0.25 * n;
                if (gold != Fnc1Label.Unrelated && predicted != Fnc1Label.Unrelated) score += 0.25 * n;
                if (gold == predicted && gold != Fnc1Label.Unrelated) score += 0.5 * n;
            }
            return score;
        }
    }

    /// <summary>The score every pair answered correctly would get.</summary>
    public double MaxFncScore => Labels.Sum(g => Labels.Sum(p => Count(g, p) * (g == Fnc1Label.Unrelated ? 0.25 : 1.0)));

    public double FncPercent => MaxFncScore == 0 ? 0 : 100 * FncScore / MaxFncScore;

    public string Report(string title)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"== {title}: {Total} pairs");
        s.AppendLine("class        precision  recall     F1  support");
        foreach (var label in Labels)
        {
            var f = For(label);
            s.AppendLine(c, $"{Name(label),-12} {f.Precision,9:F3} {f.Recall,7:F3} {f.F1,6:F3} {f.Support,8}");
        }
        s.AppendLine(c, $"macro-F1 {MacroF1:F4}   accuracy {Accuracy:F4}   FNC-1 score {FncScore:F2} / {MaxFncScore:F2} = {FncPercent:F2} %");
        s.AppendLine("confusion (rows gold, columns predicted)");
        s.AppendLine(c, $"{"",-12}{string.Concat(Labels.Select(l => $"{Name(l),11}"))}");
        foreach (var gold in Labels)
            s.AppendLine(c, $"{Name(gold),-12}{string.Concat(Labels.Select(p => $"{Count(gold, p),11}"))}");
        return s.ToString();
    }

    private static string Name(Fnc1Label label) => label.ToString().ToLowerInvariant();
}
