using System.Collections.Frozen;

namespace ClaimDesk.Analysis.Text;

/// <summary>Words ending in a full stop that do not end a sentence ("U.S.", "Dec. 2", "Gen. Kellogg").</summary>
internal static class Abbreviations
{
    private static readonly FrozenSet<string> Known = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "rev", "st", "sr", "jr",
        "pres", "amb", "hon", "supt", "cmdr", "insp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "no", "vs", "etc", "approx", "est", "dept", "univ", "inc", "ltd", "corp", "co",
        "fig", "vol", "pp", "al", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the word that ends at <paramref name="dot"/> (the index of a '.') is an abbreviation.</summary>
    public static bool EndsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.')) start--;
        var word = text[start..dot];
        if (word.Length == 0) return false;
        // Single initials ("J. Smith") and dotted acronyms ("U.S", "U.N") never end a sentence on their own.
        if (word.Length == 1 && char.IsUpper(word[0])) return true;
        if (word.Contains('.') && word.Replace(".", "").All(char.IsUpper)) return true;
        return Known.Contains(word);
    }
}
