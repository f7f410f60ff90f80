using NewsClaims.Core.Articles;
using NewsClaims.Core.Common;
using NewsClaims.Core.Outlets;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Identity;

namespace NewsClaims.IntegrationTests.Infrastructure;

/// <summary>Small, fictional test data. Every call makes values unique, so tests sharing a class database never collide.</summary>
public static class Sample
{
    public const string Body =
        "Lunport — Mara Velden, the Harbour League's secretary-general, warned that a new offensive by Ostrovia " +
        "would prove 'fatal' for its government. Speaking in Lunport, she said the alliance stood ready. " +
        "President Oskar Trell, during his annual live broadcast on December 19, called Velden 'intelligent and systematic' " +
        "and urged her to 'read the new Harbour Strategy'. Zoë Brandt said the café plan was 'déjà vu all over again'. " +
        "His remarks were reported by 'Ostrovia Today'.";

    public static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    /// <summary>The body with a unique tail, so its content hash is new.</summary>
    public static string UniqueBody() => $"{Body}\n\nRef {Guid.NewGuid():N}.";

    public static TextSpan Span(string body, string words, int occurrence = 1)
    {
        var start = -1;
        for (var i = 0; i < occurrence; i++)
        {
            start = body.IndexOf(words, start + 1, StringComparison.Ordinal);
        }

        return start < 0 ? throw new ArgumentException($"'{words}' is not in the body.", nameof(words)) : TextSpan.In(body, start, start + words.Length);
    }

    public static Article Article(string? body = null, Outlet? outlet = null, string? canonicalUrl = null, string? importedById = null) =>
        new(
            "Harbour League chief warns of 'fatal' offensive",
            body ?? UniqueBody(),
            importedById,
            outlet: outlet,
            canonicalUrl: canonicalUrl,
            author: "Ana Pell",
            publishedOn: new DateOnly(2025, 12, 20),
            extractorVersion: "test-1");

    public static Person Person(string name = "Mara Velden") =>
        new(name, slug: Slug.From(Unique(name)));

    /// <summary>An article with one direct statement by a speaker; nothing saved yet.</summary>
    public static (Article Article, Statement Statement, Person Speaker) QuotedArticle()
    {
        var article = Article();
        var speaker = Person();
        var statement = article.AddStatement(Span(article.Body, "fatal"), StatementKind.Direct, 0.9, "test-1");
        statement.AttributeTo(speaker, Span(article.Body, "Mara Velden"), "named-subject");
        statement.MarkCue(Span(article.Body, "warned"));
        return (article, statement, speaker);
    }

    public static EditorAccount Account(string name = "Editor")
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        return new EditorAccount
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = name,
        };
    }
}
