using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsClaims.Core.Articles;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Identity;

namespace NewsClaims.BrowserTests;

/// <summary>
/// An editor in a real browser: signs in, confirms a statement, fixes a wrong speaker, annotates selected words of
/// the article, corrects a typo in its text; then a reader sees the fixed attribution and the note still on its words.
/// </summary>
public sealed class EditorPathTests(LiveSiteFixture site) : IClassFixture<LiveSiteFixture>
{
    private const string Password = "Tidewater-Lantern-Gravel-42";
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Should_let_an_editor_confirm_fix_annotate_and_correct_and_show_readers_the_result()
    {
        var email = $"editor-{Guid.NewGuid():N}@newsclaims.test";
        await CreateEditorAsync(email);
        var seeded = await SeedAsync();
        var (page, problems) = await site.OpenPageAsync();
        Directory.CreateDirectory(ScreenshotDirectory);

        // Sign in.
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("nav a[href='/review']")).ToBeVisibleAsync();

        // Confirm the first statement in the review queue.
        await page.GotoAsync($"/review?article={seeded.ArticleId}");
        await page.Locator($"#r-{seeded.Right} button[data-key='c']").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Saved statement {seeded.Right}");

        // Fix the wrong speaker with the type-ahead.
        var item = page.Locator($"#r-{seeded.Wrong}");
        await item.Locator("summary").ClickAsync();
        await item.Locator(".person-picker").FillAsync("Ilse Var");
        await Assertions.Expect(item.Locator("datalist option[value='Ilse Varga']")).ToHaveCountAsync(1);
        await item.Locator(".person-picker").FillAsync("Ilse Varga");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "editor-review.png"), FullPage = true });
        Assert.Empty(await LiveSiteFixture.SeriousAccessibilityViolationsAsync(page));
        await item.Locator("form.correct-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Saved statement {seeded.Wrong}");

        // Annotate selected words of the article.
        await page.GotoAsync($"/articles/{seeded.ArticleId}");
        await page.EvaluateAsync(
            """
            words => {
              const walker = document.createTreeWalker(document.querySelector('.article-text'), NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(words);
                if (at >= 0) {
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + words.length);
                  const selection = window.getSelection();
                  selection.removeAllRanges();
                  selection.addRange(range);
                  return;
                }
              }
              throw new Error('words not found: ' + words);
            }
            """, "the winter timetable");
        var noteForm = page.Locator("form.passage-note");
        await Assertions.Expect(noteForm).ToBeVisibleAsync();
        await Assertions.Expect(noteForm.Locator(".quote")).ToHaveTextAsync("the winter timetable");
        await noteForm.Locator("textarea[name=Body]").FillAsync("Check this against the **published** timetable.");
        await noteForm.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".article-notes")).ToContainTextAsync("published timetable");

        // Correct a typo earlier in the text: the note and the statements must follow their words.
        await page.GotoAsync($"/articles/{seeded.ArticleId}/correct");
        var body = await page.Locator("#body").InputValueAsync();
        await page.Locator("#body").FillAsync(body.Replace("Harbur", "Harbour", StringComparison.Ordinal));
        await page.FillAsync("#reason", "spelling of Harbour");
        await page.ClickAsync("form.correct-form button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Saved as revision 2");

        // A reader sees the fixed attribution and the note on its words.
        var (reader, readerProblems) = await site.OpenPageAsync();
        await reader.GotoAsync($"/articles/{seeded.ArticleId}");
        await Assertions.Expect(reader.Locator($"mark#s-{seeded.Wrong}")).ToBeVisibleAsync();
        Assert.Contains("Ilse Varga", await reader.Locator($"a:has(mark#s-{seeded.Wrong})").GetAttributeAsync("data-tip"));
        Assert.Equal("the winter timetable", await reader.Locator("span.noted").EvaluateAsync<string>("e => { const c = e.cloneNode(true); c.querySelectorAll('.visually-hidden').forEach(h => h.remove()); return c.textContent; }"));
        await Assertions.Expect(reader.Locator(".article-notes")).ToContainTextAsync("published timetable");
        await Assertions.Expect(reader.Locator(".article-text")).ToContainTextAsync("Harbour Board");
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "editor-result-reader.png"), FullPage = true });
        Assert.Empty(await LiveSiteFixture.SeriousAccessibilityViolationsAsync(reader));
        await reader.GotoAsync($"/statements/{seeded.Wrong}");
        await Assertions.Expect(reader.Locator("h1")).ToContainTextAsync("Ilse Varga");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(readerProblems);
    }

    [Fact]
    public async Task Should_never_run_script_from_a_note_in_a_readers_browser()
    {
        var email = $"editor-{Guid.NewGuid():N}@newsclaims.test";
        await CreateEditorAsync(email);
        var articleId = await PlainArticleAsync();
        var (page, _) = await site.OpenPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("nav a[href='/review']")).ToBeVisibleAsync();
        string[] payloads =
        [
            "<script>window.__xss = 1</script>",
            "<img src=x onerror=\"window.__xss = 2\">",
            "[link](javascript:window.__xss=3)",
            "<svg onload=\"window.__xss = 4\">",
            "<iframe srcdoc=\"<script>parent.__xss = 5</script>\"></iframe>",
            "<a href=\"javascript:window.__xss=6\">click</a>",
            "<details open ontoggle=\"window.__xss = 7\">x</details>",
        ];
        await page.GotoAsync($"/articles/{articleId}");
        foreach (var payload in payloads)
        {
            await page.Locator("details:has(summary:text('Note on the whole article'))").Locator("summary").ClickAsync();
            var form = page.Locator("form.note-form:not(.passage-note)");
            await form.Locator("textarea[name=Body]").FillAsync("Note " + payload);
            await form.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".article-notes")).ToBeVisibleAsync();
        }

        var (reader, _) = await site.OpenPageAsync();
        var dialogs = 0;
        reader.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await reader.GotoAsync($"/articles/{articleId}");
        await Assertions.Expect(reader.Locator(".article-notes .annotation")).ToHaveCountAsync(payloads.Length);
        foreach (var link in await reader.Locator(".article-notes a").AllAsync())
        {
            await link.ClickAsync(new LocatorClickOptions { Modifiers = [KeyboardModifier.Control] });
        }

        await reader.WaitForTimeoutAsync(300);
        Assert.Null(await reader.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal(0, dialogs);
        Assert.Equal(0, await reader.Locator(".article-notes script, .article-notes iframe, .article-notes img, .article-notes svg").CountAsync());
    }

    private async Task CreateEditorAsync(string email)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorAccount>>();
        var account = new EditorAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Edda Editor" };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, NewsClaimsRoles.Editor)).Succeeded);
    }

    private async Task<long> PlainArticleAsync()
    {
        var article = new Article("Lock gates repainted", $"The lock gates at Kessling were repainted over the weekend. Ref {Guid.NewGuid():N}");
        await using var db = site.CreateContext();
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    private async Task<(long ArticleId, long Right, long Wrong)> SeedAsync()
    {
        var body = "Harbur Board chair Ilse Varga said the ferry will keep the winter timetable.\n\n" +
                   $"Deputy Tom Aldane said the fares stay as they are. Varga added that the quay is safe. Ref {Guid.NewGuid():N}";
        var article = new Article("Ferry keeps winter timetable", body);
        var varga = new Person("Ilse Varga", $"ilse-varga-{Guid.NewGuid():N}"[..30]);
        var aldane = new Person("Tom Aldane", $"tom-aldane-{Guid.NewGuid():N}"[..30]);
        var right = article.AddStatement(Span(body, "the ferry will keep the winter timetable"), StatementKind.Indirect, 0.5, "test");
        right.AttributeTo(varga, Span(body, "Ilse Varga"), "test");
        // The engine's mistake: Varga's second statement given to the last person named.
        var wrong = article.AddStatement(Span(body, "the quay is safe"), StatementKind.Indirect, 0.4, "test");
        wrong.AttributeTo(aldane, Span(body, "Tom Aldane"), "test");
        await using var db = site.CreateContext();
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return (article.Id, right.Id, wrong.Id);
    }

    private static Core.Common.TextSpan Span(string body, string words)
    {
        var at = body.IndexOf(words, StringComparison.Ordinal);
        return Core.Common.TextSpan.In(body, at, at + words.Length);
    }
}
