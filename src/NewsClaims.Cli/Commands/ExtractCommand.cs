using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsClaims.Cli.Articles;
using NewsClaims.Extraction;

namespace NewsClaims.Cli.Commands;

/// <summary>
/// <c>newsclaims extract --input IN.jsonl --output OUT.jsonl</c>: one output line per input line, same order.
/// <c>newsclaims extract FILE.txt</c>: the same object for one plain-text file, indented, on stdout.
/// </summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "A plain-text article (optional front matter)", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<FileInfo?>("--input", "-i") { Description = "JSON lines: {\"id\",\"text\",\"title\"?,\"published\"?,\"outlet\"?}" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the JSON lines (default: stdout)" };
        var explain = new Option<bool>("--explain") { Description = "Add each statement's rule and unnamed source (not part of the contract)" };
        var command = new Command("extract", "Extract statements (who said what, where and when) from articles") { file, input, output, explain };
        command.SetAction(parse =>
        {
            var inputFile = parse.GetValue(input);
            var textFile = parse.GetValue(file);
            if (inputFile is null == textFile is null)
            {
                throw new UsageException("give either FILE.txt or --input IN.jsonl");
            }

            var extractor = new StatementExtractor();
            if (textFile is not null)
            {
                RequireExists(textFile);
                var article = ArticleReader.ReadText(File.ReadAllText(textFile.FullName));
                using var stdout = Console.OpenStandardOutput();
                using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                ExtractionJson.Write(writer, JsonSerializer.SerializeToElement(Path.GetFileNameWithoutExtension(textFile.Name)), extractor.Extract(article), parse.GetValue(explain));
                writer.Flush();
                stdout.WriteByte((byte)'\n');
                return CommandRunner.Ok;
            }

            RequireExists(inputFile!);
            var outputFile = parse.GetValue(output);
            var articles = ArticleReader.ReadJsonLines(inputFile!.FullName).ToList(); // validate every line before writing
            using var stream = outputFile is null ? Console.OpenStandardOutput() : File.Create(outputFile.FullName);
            using var buffered = new BufferedStream(stream, 1 << 16);
            using var lineWriter = new Utf8JsonWriter(buffered, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var item in articles)
            {
                ExtractionJson.Write(lineWriter, item.Id, extractor.Extract(item.Article), parse.GetValue(explain));
                lineWriter.Flush();
                lineWriter.Reset();
                buffered.WriteByte((byte)'\n');
            }

            return CommandRunner.Ok;
        });
        return command;
    }

    internal static void RequireExists(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new UsageException($"{file.FullName}: no such file");
        }
    }
}
