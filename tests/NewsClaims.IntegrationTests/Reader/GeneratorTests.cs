using Microsoft.EntityFrameworkCore;
using NewsClaims.Data.Generation;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Reader;

/// <summary>The benchmark generator, at a small size: the words of every statement are where its offsets say.</summary>
public sealed class GeneratorTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Should_generate_traceable_statements_with_the_requested_long_tailed_distribution()
    {
        var options = new GenerationOptions { People = 300, Articles = 400, Statements = 2_000, HeavySpeakers = 2, HeavySpeakerStatements = 300, Outlets = 20, Claims = 50 };
        var lines = new List<string>();

        var report = await new KnowledgeBaseGenerator(database.ConnectionString, lines.Add).GenerateAsync(options, CancellationToken.None);

        await using var db = database.CreateContext();
        Assert.Equal(2_000, await db.Statements.CountAsync());
        Assert.Equal(400, await db.Articles.CountAsync());
        Assert.Equal(300, await db.People.CountAsync());
        Assert.Equal(50, await db.Claims.CountAsync());
        Assert.Equal(400, await db.ArticleRevisions.CountAsync());
        foreach (var slug in report.HeavySpeakerSlugs)
        {
            Assert.Equal(300, await db.Statements.CountAsync(s => s.Speaker!.Slug == slug));
        }

        var spans = await db.Statements.Select(s => new { s.Text, s.Start, s.End, s.MentionStart, s.MentionEnd, s.MentionText, s.CueStart, s.CueEnd, s.CueText, s.Article!.Body }).ToListAsync();
        Assert.All(spans, s =>
        {
            Assert.Equal(s.Text, s.Body[s.Start..s.End]);
            Assert.Equal(s.MentionText, s.Body[s.MentionStart!.Value..s.MentionEnd!.Value]);
            Assert.Equal(s.CueText, s.Body[s.CueStart!.Value..s.CueEnd!.Value]);
        });
        Assert.Contains(lines, l => l.Contains("Rebuilding indexes", StringComparison.Ordinal));

        // The dropped indexes are back, and new rows still get ids after the generated ones.
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_indexes WHERE tablename = 'statements' AND indexname = 'ix_statements_speaker_id_status'", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        await using var next = new Npgsql.NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('statements', 'id'))", connection);
        Assert.Equal(2_001L, await next.ExecuteScalarAsync());
    }
}
