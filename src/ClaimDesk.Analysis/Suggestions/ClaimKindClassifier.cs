using System.Text.RegularExpressions;

namespace ClaimDesk.Analysis.Suggestions;

/// <summary>
/// Tells reported speech from the outlet's own voice: attributed when someone is reported as saying it; editorial
/// when the outlet evaluates or asides on its own ("It's worth noting that…", "unlike under other administrations",
/// loaded words, counterfactuals) with no source; factual otherwise.
/// </summary>
public static partial class ClaimKindClassifier
{
    [GeneratedRegex(@"\b(it['’]s|it is) worth (noting|remembering|recalling|mentioning)\b|\b(needless to say|make no mistake|of course|to be sure|clearly|obviously|notably|tellingly|ironically)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Aside();

    [GeneratedRegex(@"\bunlike (under )?(other|previous|past|prior|his|her|their)\b|\bunlike\b.{0,40}\b(administrations?|governments?|presidents?|leaders?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CounterfactualComparison();

    [GeneratedRegex(@"\b(disastrous|shameful|reckless|heroic|disgraceful|outrageous|absurd|pathetic|laughable|so-called)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LoadedWord();

    [GeneratedRegex(@"\b(would (never|not) have|had (he|she|they|it) not|if only)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Counterfactual();

    public static (ClaimKind Kind, string? Claimant, List<SuggestionSignal> Signals) Classify(string sentence, string? lastSpeaker)
    {
        var signals = new List<SuggestionSignal>();
        var speaker = Attribution.SpeakerOf(sentence, lastSpeaker, out var cue);
        if (speaker is not null)
        {
            signals.Add(new SuggestionSignal("attribution", $"reported as said by {speaker} ({cue})", 0));
            return (ClaimKind.Attributed, speaker, signals);
        }

        if (Aside().IsMatch(sentence)) signals.Add(new SuggestionSignal("editorialAside", "the outlet's own aside (\"" + Aside().Match(sentence).Value + "\")", 0));
        if (CounterfactualComparison().IsMatch(sentence))
            signals.Add(new SuggestionSignal("counterfactualComparison", "an unsourced comparison (\"" + CounterfactualComparison().Match(sentence).Value + "\")", 0));
        if (LoadedWord().IsMatch(sentence)) signals.Add(new SuggestionSignal("loadedWord", "loaded wording (\"" + LoadedWord().Match(sentence).Value + "\")", 0));
        if (Counterfactual().IsMatch(sentence)) signals.Add(new SuggestionSignal("counterfactual", "a counterfactual", 0));
        if (signals.Count > 0) return (ClaimKind.Editorial, null, signals);

        signals.Add(new SuggestionSignal("ownVoice", "asserted by the outlet, no speaker named", 0));
        return (ClaimKind.Factual, null, signals);
    }
}
