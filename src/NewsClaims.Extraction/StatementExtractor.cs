using NewsClaims.Extraction.Model;
using NewsClaims.Extraction.Stages;

namespace NewsClaims.Extraction;

/// <summary>
/// Finds who said what, where and when in an article. Thread-safe and reusable: it holds no state between calls,
/// does no I/O, and runs in time linear in the text for ordinary prose.
/// </summary>
public sealed class StatementExtractor
{
    /// <summary>Bumped whenever the output for some text can change.</summary>
    public static string Version => "2026.12.1";

    public ExtractionResult Extract(ArticleText input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(input.Text))
        {
            return ExtractionResult.Empty;
        }

        var doc = Analyse(input.Text, input.Published, input.Title);
        var frames = FrameFinder.Run(doc);
        var candidates = StatementAssembler.Run(doc, frames);
        var linker = new EntityLinker(doc);
        var attributions = new SpeakerResolver(doc, linker).Run(candidates);
        var settings = PlaceTimeFinder.Run(doc, candidates, attributions);
        var reported = ReportedViaFinder.Run(doc, candidates, attributions);
        return Build(doc, candidates, attributions, settings, reported, linker);
    }

    /// <summary>Runs the text stages: tokens and paragraphs, quote pairs, sentences, mentions, cues.</summary>
    internal static Document Analyse(string text, DateOnly? published = null, string? title = null)
    {
        var doc = new Document { Text = text, Published = published, Title = title };
        doc = Tokenizer.Run(doc);
        doc = QuotePairer.Run(doc);
        doc = SentenceSplitter.Run(doc);
        doc = MentionFinder.Run(doc);
        return CueFinder.Run(doc);
    }

    private static ExtractionResult Build(
        Document doc,
        List<Candidate> candidates,
        Attribution[] attributions,
        Setting[] settings,
        List<ReportedVia> reported,
        EntityLinker linker)
    {
        var speakerOf = new Dictionary<int, int>();
        var speakers = new List<ExtractedSpeaker>();
        int? SpeakerIndex(int entity)
        {
            if (entity < 0)
            {
                return null;
            }

            if (!speakerOf.TryGetValue(entity, out var index))
            {
                var e = linker.Entities[entity];
                index = speakers.Count;
                speakerOf[entity] = index;
                speakers.Add(new ExtractedSpeaker(e.Name, e.Role, e.Surfaces));
            }

            return index;
        }

        var text = doc.Text;
        var statements = new List<ExtractedStatement>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var a = attributions[i];
            var entity = linker.Entities.Count > 0 && a.Entity >= 0 ? a.Entity : -1;
            if (entity >= 0 && linker.Entities[entity].Role is { } role)
            {
                linker.Entities[entity].AddSurface(role);
            }

            var speaker = SpeakerIndex(entity);
            var mention = a.HasMention ? TextSpan.Of(text, a.MentionStart, a.MentionEnd) : null;
            var cue = c.CueFirst >= 0 ? TextSpan.Of(text, doc.Tokens[c.CueFirst].Start, doc.Tokens[c.CueEnd - 1].End) : null;
            var rule = a.Sieve == "name" || a.Sieve == "pronoun" || a.Sieve == "description" || a.Sieve == "unnamed" ? $"{c.Rule}/{a.Sieve}" : a.Sieve;
            statements.Add(new ExtractedStatement(
                c.Kind,
                TextSpan.Of(text, c.Start, c.End),
                speaker,
                mention,
                a.Unnamed,
                cue,
                settings[i].Place,
                settings[i].Occasion,
                settings[i].When,
                SpeakerIndex(a.Addressee),
                SpeakerIndex(a.Subject),
                ConfidenceScorer.Score(c, a),
                rule));
        }

        var via = reported.Select(r => new ReportedSource(r.Name, TextSpan.Of(text, r.Start, r.End), r.Candidates)).ToList();
        return new ExtractionResult(statements, speakers, via);
    }
}
