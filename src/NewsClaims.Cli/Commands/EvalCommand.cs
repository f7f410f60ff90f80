using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsClaims.Cli.Evaluation;
using NewsClaims.Extraction;

namespace NewsClaims.Cli.Commands;

/// <summary>
/// <c>newsclaims eval --gold KIND:PATH [--threshold 0.3] [--min quoteF1=0.65 ...]</c>: runs the extractor in-process
/// over a gold set and prints the figures of ../shared/eval/score.py (same matching, same SUMMARY line), plus recall
/// on quoted contents and a calibration table. Exit code 1 when a figure is below its floor.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "seed:GOLD.json or polnear:DOCS.jsonl,ATTRIBUTIONS.jsonl", Required = true };
        var threshold = new Option<double>("--threshold") { Description = "Share of a gold content's characters a prediction must cover", DefaultValueFactory = _ => 0.3 };
        var kinds = new Option<string>("--kinds") { Description = "Predicted kinds to count", DefaultValueFactory = _ => "direct,indirect,mixed" };
        var min = new Option<string[]>("--min") { Description = "Floor for a figure, e.g. quoteF1=0.65 (repeatable)", AllowMultipleArgumentsPerToken = true };
        var max = new Option<string[]>("--max") { Description = "Ceiling for a figure, e.g. negHits=0 (repeatable)", AllowMultipleArgumentsPerToken = true };
        var pred = new Option<FileInfo?>("--pred") { Description = "Score this extract output instead of running the extractor" };
        var command = new Command("eval", "Score the extractor against a gold set") { gold, threshold, kinds, min, max, pred };
        command.SetAction(parse =>
        {
            var floors = ParseLimits(parse.GetValue(min));
            var ceilings = ParseLimits(parse.GetValue(max));
            var docs = GoldSet.Load(parse.GetRequiredValue(gold));
            var scorer = new Scorer(parse.GetValue(threshold), parse.GetValue(kinds)!.Split(',').ToHashSet());
            var predFile = parse.GetValue(pred);
            if (predFile is not null)
            {
                ExtractCommand.RequireExists(predFile);
                var predictions = LoadPredictions(predFile.FullName);
                foreach (var doc in docs)
                {
                    if (predictions.TryGetValue(doc.Id, out var p))
                    {
                        scorer.Add(doc, p);
                    }
                    else
                    {
                        scorer.AddMissing(doc);
                    }
                }
            }
            else
            {
                var extractor = new StatementExtractor();
                foreach (var doc in docs)
                {
                    var result = extractor.Extract(new ArticleText(doc.Text, doc.Title, doc.Published));
                    scorer.Add(doc, result.Statements.Select(s => ToPrediction(s, result)));
                }
            }

            Console.Write(scorer.Report());
            var figures = scorer.Figures();
            var failed = false;
            foreach (var (name, floor) in floors)
            {
                failed |= Check(figures, name, floor, below: true);
            }

            foreach (var (name, ceiling) in ceilings)
            {
                failed |= Check(figures, name, ceiling, below: false);
            }

            return failed ? CommandRunner.Failure : CommandRunner.Ok;
        });
        return command;
    }

    private static bool Check(IReadOnlyDictionary<string, double> figures, string name, double limit, bool below)
    {
        if (!figures.TryGetValue(name, out var value))
        {
            throw new UsageException($"unknown figure \"{name}\" (known: {string.Join(", ", figures.Keys)})");
        }

        var rounded = Math.Round(value, 3);
        var bad = below ? rounded < limit : rounded > limit;
        if (bad)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAIL {name}={rounded:F3} is {(below ? "below its floor" : "above its ceiling")} {limit}"));
        }

        return bad;
    }

    private static List<(string Name, double Value)> ParseLimits(string[]? specs)
    {
        var result = new List<(string, double)>();
        foreach (var spec in specs ?? [])
        {
            var eq = spec.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(spec[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new UsageException($"a limit must look like NAME=NUMBER, got \"{spec}\"");
            }

            result.Add((spec[..eq], value));
        }

        return result;
    }

    private static PredictedStatement ToPrediction(ExtractedStatement s, ExtractionResult result) => new(
        s.Kind switch { StatementKind.Direct => "direct", StatementKind.Mixed => "mixed", _ => "indirect" },
        s.Start,
        s.End,
        s.SpeakerIndex is { } i ? result.Speakers[i].Name : null,
        s.SpeakerMention is { } m ? (m.Start, m.End) : null,
        s.Confidence);

    private static Dictionary<string, List<PredictedStatement>> LoadPredictions(string path)
    {
        var result = new Dictionary<string, List<PredictedStatement>>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = root.GetProperty("id");
                var key = id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
                var list = new List<PredictedStatement>();
                if (root.TryGetProperty("statements", out var statements) && statements.ValueKind == JsonValueKind.Array)
                {
                    foreach (var s in statements.EnumerateArray())
                    {
                        var kind = s.TryGetProperty("kind", out var k) ? k.GetString() ?? "direct" : "direct";
                        string? name = null;
                        (int, int)? mention = null;
                        if (s.TryGetProperty("speaker", out var speaker) && speaker.ValueKind == JsonValueKind.Object)
                        {
                            name = speaker.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                            if (speaker.TryGetProperty("mention", out var m) && m.ValueKind == JsonValueKind.Object)
                            {
                                mention = (m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32());
                            }
                        }

                        var confidence = s.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0;
                        list.Add(new PredictedStatement(kind, s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32(), name, mention, confidence));
                    }
                }

                result[key] = list;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new UsageException($"{path}:{number}: not a valid extract output line ({e.Message})");
            }
        }

        return result;
    }
}
