using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsClaims.Data.Import;
using NewsClaims.Web.Features.Shared;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Import;

/// <summary>
/// The editors' ways in: paste an article (previewed before saving), upload files, or give a web address.
/// Every way ends in the one import pipeline and a results page saying what became of each article.
/// </summary>
[Authorize(Policy = EditorSignIn.Editor)]
[Route("/import")]
public sealed class ImportController(ArticleImporter importer, WebPageFetcher fetcher, IReaderCacheInvalidator readerCache) : Controller
{
    // A pasted text a little over the body limit still arrives, so the pipeline can say by how much.
    private const int MaxFormBytes = 8 * 1024 * 1024;
    private const int MaxUploadBytes = 64 * 1024 * 1024;

    [HttpGet("")]
    public IActionResult Index() => Page(new PasteForm(), null);

    [HttpPost("preview")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(MaxFormBytes)]
    [RequestFormLimits(ValueLengthLimit = MaxFormBytes)]
    public async Task<IActionResult> Preview(PasteForm paste, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page(paste, null);
        }

        var preview = await importer.PreviewAsync(paste.ToSubmission(), ct);
        if (preview.Problem is { } problem)
        {
            ModelState.AddModelError(nameof(PasteForm.Text), Sentence(problem));
            return Page(paste, null);
        }

        ViewData["Title"] = "Preview: " + preview.Title;
        return View(new PreviewPage(paste, preview));
    }

    [HttpPost("paste")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(MaxFormBytes)]
    [RequestFormLimits(ValueLengthLimit = MaxFormBytes)]
    public async Task<IActionResult> Paste(PasteForm paste, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page(paste, null);
        }

        var results = await importer.ImportAsync([ImportItem.Of("Pasted text", paste.ToSubmission())], EditorId(), ct);
        return await ResultsAsync("Paste", results, ct);
    }

    [HttpPost("upload")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(MaxUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<IActionResult> Upload(List<IFormFile> files, CancellationToken ct)
    {
        if (files.Count == 0)
        {
            ModelState.AddModelError("files", "Choose one or more .txt, .html, .json or .jsonl files.");
            return Page(new PasteForm(), null);
        }

        var items = new List<ImportItem>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > importer.Options.MaxInputBytes)
            {
                items.Add(ImportItem.Unreadable(name, $"the file is {file.Length / (1024 * 1024.0):0.#} MB; one article may be {importer.Options.MaxBodyBytes / (1024 * 1024.0):0.#} MB at most"));
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            items.AddRange(ArticleFiles.Read(name, buffer.ToArray(), importer.Options));
        }

        return await ResultsAsync("Upload", await importer.ImportAsync(items, EditorId(), ct), ct);
    }

    [HttpPost("url")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> FromUrl([FromForm] string? address, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            ModelState.AddModelError("address", "Give the web address of an article.");
            return Page(new PasteForm(), address);
        }

        ImportItem item;
        try
        {
            item = await fetcher.FetchArticleAsync(address.Trim(), ct);
        }
        catch (WebPageException ex)
        {
            item = ImportItem.Unreadable(address.Trim(), ex.Message);
        }

        return await ResultsAsync("Web address", await importer.ImportAsync([item], EditorId(), ct), ct);
    }

    private async Task<IActionResult> ResultsAsync(string channel, IReadOnlyList<ImportResult> results, CancellationToken ct)
    {
        if (results.Any(r => r.Outcome is ImportOutcome.Imported))
        {
            await readerCache.InvalidateAsync(ct);
        }

        var page = new ResultsPage(channel, [.. results.Select(ResultLine.From)]);
        ViewData["Title"] = "Import results";
        Response.StatusCode = page.Rejected > 0 && page.Imported + page.Duplicates == 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return View("Results", page);
    }

    private ViewResult Page(PasteForm paste, string? address)
    {
        ViewData["Title"] = "Import articles";
        var options = importer.Options;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return View("Index", new ImportPage(
            paste,
            address,
            new ImportLimits(Megabytes(options.MaxBodyBytes), Megabytes(options.MaxPageBytes), options.PublishFromConfidence)));
    }

    private string? EditorId() => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private static string Megabytes(long bytes) => $"{bytes / (1024 * 1024.0):0.#} MB";

    private static string Sentence(string problem) => char.ToUpperInvariant(problem[0]) + problem[1..] + (problem.EndsWith('.') ? string.Empty : ".");
}
