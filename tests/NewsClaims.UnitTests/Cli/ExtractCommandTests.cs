using System.CommandLine;
using System.Text.Json;
using NewsClaims.Cli.Commands;

namespace NewsClaims.UnitTests.Cli;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("newsclaims-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static int Run(params string[] args) => CommandRunner.Invoke(new RootCommand { ExtractCommand.Create(), EvalCommand.Create() }, args);

    [Fact]
    public void Jsonl_input_gives_one_output_line_per_article_in_the_contract_shape()
    {
        var input = Path.Combine(_dir, "in.jsonl");
        var output = Path.Combine(_dir, "out.jsonl");
        File.WriteAllLines(input,
        [
            """{"id": "a1", "text": "“The pier is closed,” Ruth Ames said on Monday.", "published": "2025-05-07"}""",
            """{"id": "a2", "text": "Nothing was said here."}""",
        ]);

        Assert.Equal(0, Run("extract", "--input", input, "--output", output));

        var lines = File.ReadAllLines(output);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a1", first.RootElement.GetProperty("id").GetString());
        var s = first.RootElement.GetProperty("statements")[0];
        Assert.Equal("direct", s.GetProperty("kind").GetString());
        Assert.Equal("The pier is closed", s.GetProperty("text").GetString());
        Assert.Equal("Ruth Ames", s.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("Ruth Ames", s.GetProperty("speaker").GetProperty("mention").GetProperty("text").GetString());
        Assert.Equal("said", s.GetProperty("cue").GetProperty("text").GetString());
        Assert.Equal("2025-05-05", s.GetProperty("when").GetProperty("date").GetString());
        Assert.Equal("day", s.GetProperty("when").GetProperty("precision").GetString());
        Assert.True(s.GetProperty("confidence").GetDouble() is > 0 and <= 1);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(0, second.RootElement.GetProperty("statements").GetArrayLength());
    }

    [Fact]
    public void Malformed_input_line_exits_with_2()
    {
        var input = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllLines(input, ["""{"id": "a1", "text": "fine"}""", "{not json"]);

        Assert.Equal(2, Run("extract", "--input", input, "--output", Path.Combine(_dir, "out.jsonl")));
    }

    [Fact]
    public void Missing_text_field_exits_with_2()
    {
        var input = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllLines(input, ["""{"id": "a1"}"""]);

        Assert.Equal(2, Run("extract", "--input", input));
    }

    [Fact]
    public void Unknown_option_exits_with_2()
    {
        Assert.Equal(2, Run("extract", "--no-such-option"));
    }

    [Fact]
    public void Eval_below_a_floor_exits_with_1()
    {
        var goldDir = Path.Combine(_dir, "seed");
        Directory.CreateDirectory(goldDir);
        var text = "Officials met on Monday. “The dam will hold,” said engineer Ida Holm.";
        File.WriteAllText(Path.Combine(goldDir, "a.txt"), text);
        var start = text.IndexOf("The dam", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(goldDir, "a.gold.json"), JsonSerializer.Serialize(new
        {
            file = "a.txt",
            statements = new[] { new { start, end = start + "The dam will hold".Length, speaker = "Ida Holm" } },
            not_statements = Array.Empty<object>(),
        }));

        Assert.Equal(0, Run("eval", "--gold", "seed:" + Path.Combine(goldDir, "a.gold.json"), "--min", "pairF1=1.0"));
        Assert.Equal(1, Run("eval", "--gold", "seed:" + Path.Combine(goldDir, "a.gold.json"), "--min", "pairF1=1.01"));
    }
}
