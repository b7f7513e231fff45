using System.Globalization;
using System.Text;

namespace ClaimDesk.Fnc1;

/// <summary>The four FNC-1 labels, in the order the official scorer lists them.</summary>
public enum Fnc1Label { Agree, Disagree, Discuss, Unrelated }

/// <summary>One (headline, body) pair with its gold label.</summary>
public sealed record Fnc1Pair(string Headline, int BodyId, Fnc1Label Label);

/// <summary>
/// The FNC-1 training data (<c>train_bodies.csv</c>, <c>train_stances.csv</c>) read from a folder. The CSVs quote
/// fields that hold commas, quotes and newlines (RFC 4180), so they are parsed, not split on commas.
/// </summary>
public sealed class Fnc1Dataset
{
    public required IReadOnlyDictionary<int, string> Bodies { get; init; }
    public required IReadOnlyList<Fnc1Pair> Pairs { get; init; }

    public static Fnc1Dataset Load(string directory)
    {
        var bodies = new Dictionary<int, string>();
        foreach (var row in Csv.Read(File.ReadAllText(Path.Combine(directory, "train_bodies.csv"), Encoding.UTF8)).Skip(1))
            bodies[int.Parse(row[0], CultureInfo.InvariantCulture)] = row[1];

        var pairs = new List<Fnc1Pair>();
        foreach (var row in Csv.Read(File.ReadAllText(Path.Combine(directory, "train_stances.csv"), Encoding.UTF8)).Skip(1))
        {
            var bodyId = int.Parse(row[1], CultureInfo.InvariantCulture);
            if (!bodies.ContainsKey(bodyId)) throw new InvalidDataException($"Pair refers to unknown body {bodyId}.");
            pairs.Add(new Fnc1Pair(row[0], bodyId, ParseLabel(row[2])));
        }
        return new Fnc1Dataset { Bodies = bodies, Pairs = pairs };
    }

    public static Fnc1Label ParseLabel(string text) => text.Trim().ToLowerInvariant() switch
    {
        "agree" => Fnc1Label.Agree,
        "disagree" => Fnc1Label.Disagree,
        "discuss" => Fnc1Label.Discuss,
        "unrelated" => Fnc1Label.Unrelated,
        _ => throw new InvalidDataException($"Unknown FNC-1 stance '{text}'."),
    };

    /// <summary>Finds the data set: the given folder, else <c>shared/datasets/fnc1</c> beside the checkout.</summary>
    public static string Locate(string? given = null)
    {
        if (!string.IsNullOrEmpty(given)) return Path.GetFullPath(given);
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "datasets", "fnc1");
                if (File.Exists(Path.Combine(candidate, "train_stances.csv"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("shared/datasets/fnc1 was not found beside the checkout; pass --data <dir>.");
    }
}

internal static class Csv
{
    public static IEnumerable<string[]> Read(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') { field.Append(c); continue; }
                if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; continue; }
                quoted = false;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    yield return row.ToArray();
                    row.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row.ToArray();
        }
    }
}
