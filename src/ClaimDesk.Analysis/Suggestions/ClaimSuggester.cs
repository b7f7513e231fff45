using ClaimDesk.Analysis.Corroboration;
using ClaimDesk.Analysis.Text;

namespace ClaimDesk.Analysis.Suggestions;

/// <summary>Proposes the sentences of an article worth checking, each with its score, kind, claimant and signals.</summary>
public static class ClaimSuggester
{
    /// <summary>Every prose sentence of the article (page furniture left out), in document order.</summary>
    public static IReadOnlyList<ClaimSuggestion> Suggest(string articleText)
    {
        var suggestions = new List<ClaimSuggestion>();
        string? lastSpeaker = null;
        foreach (var passage in PassageSplitter.Split(articleText))
        {
            var sentence = passage.Slice(articleText);
            if (PageChrome.Reason(sentence, ParagraphOf(articleText, passage.Start), passage.Paragraph == 0) is not null) continue;
            var suggestion = Analyse(sentence, passage.Start, passage.End, sentence, lastSpeaker);
            if (suggestion.Kind == ClaimKind.Attributed) lastSpeaker = suggestion.Claimant;
            suggestions.Add(suggestion);
        }
        return suggestions;
    }

    /// <summary>
    /// Assesses any span of an article (a reviewer's own quote): scored and classified in the context of the sentence
    /// that contains it, so "Russia did not invade…" inside "It's worth noting that Russia did not invade…" is editorial.
    /// </summary>
    public static ClaimSuggestion Assess(string articleText, TextSpan span)
    {
        var passages = PassageSplitter.Split(articleText);
        string? lastSpeaker = null;
        foreach (var passage in passages)
        {
            if (passage.End <= span.Start)
            {
                var before = passage.Slice(articleText);
                if (Attribution.SpeakerOf(before, lastSpeaker, out _) is { } speaker) lastSpeaker = speaker;
                continue;
            }
            // The sentences the span touches are its context.
            var contextEnd = passages.Where(p => p.Start < span.End).Select(p => p.End).DefaultIfEmpty(passage.End).Max();
            var context = articleText[passage.Start..Math.Max(contextEnd, passage.End)];
            return Analyse(span.Slice(articleText), span.Start, span.End, context, lastSpeaker);
        }
        return Analyse(span.Slice(articleText), span.Start, span.End, span.Slice(articleText), lastSpeaker);
    }

    private static ClaimSuggestion Analyse(string text, int start, int end, string context, string? lastSpeaker)
    {
        var (kind, claimant, kindSignals) = ClaimKindClassifier.Classify(context, lastSpeaker);
        var shape = StatementShape.Of(context, null);
        var (score, scoreSignals) = CheckWorthiness.Score(context, shape, editorialAside: kind == ClaimKind.Editorial);
        return new ClaimSuggestion(text, start, end, score, kind, claimant, [.. scoreSignals, .. kindSignals]);
    }

    private static string ParagraphOf(string text, int position)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var end = text.IndexOf('\n', position);
        return text[start..(end < 0 ? text.Length : end)];
    }
}
