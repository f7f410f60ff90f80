using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using NewsClaims.Core.Common;
using Npgsql;
using NpgsqlTypes;

namespace NewsClaims.Data.Generation;

/// <summary>How big a knowledge base to generate; the defaults are the benchmark size.</summary>
public sealed record GenerationOptions
{
    public int People { get; init; } = 50_000;

    public int Articles { get; init; } = 200_000;

    public int Statements { get; init; } = 1_000_000;

    /// <summary>The most-quoted people, each given exactly <see cref="HeavySpeakerStatements"/> statements.</summary>
    public int HeavySpeakers { get; init; } = 5;

    public int HeavySpeakerStatements { get; init; } = 20_000;

    public int Outlets { get; init; } = 400;

    public int Claims { get; init; } = 20_000;

    public int Seed { get; init; } = 20_261_124;

    public void Validate()
    {
        if (People < HeavySpeakers + 1 || Articles < 1 || Statements < Articles || Outlets < 1 || Claims < 0
            || (long)HeavySpeakers * HeavySpeakerStatements > Statements)
        {
            throw new ArgumentException("Sizes are inconsistent: need people > heavy speakers, statements >= articles, heavy statements <= statements.");
        }
    }
}

public sealed record GenerationReport(int Outlets, int People, int Articles, int Statements, int Claims, IReadOnlyList<string> HeavySpeakerSlugs, TimeSpan Elapsed);

/// <summary>
/// Fills a NewsClaims database with a large invented knowledge base for benchmarks: outlets, people with aliases
/// and dated roles, articles whose bodies contain their statements at the stored offsets, addressees, claims.
/// Speakers follow a long-tailed distribution (a few people with <see cref="GenerationOptions.HeavySpeakerStatements"/>
/// statements each, most with a handful). Rows go in with PostgreSQL binary COPY; secondary indexes are dropped for
/// the load and rebuilt after it. Needs a superuser connection (foreign-key triggers are off during the load, as in
/// a restore) and appends to whatever the database holds.
/// </summary>
public sealed class KnowledgeBaseGenerator(string connectionString, Action<string> progress)
{
    private const string ExtractorVersion = "generated";
    private static readonly string[] LoadedTables = ["articles", "article_revisions", "statements", "statement_persons", "person_aliases", "person_roles", "people", "claims", "claim_statements"];

    public async Task<GenerationReport> GenerateAsync(GenerationOptions options, CancellationToken ct)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var words = new InventedText(random);
        var now = DateTimeOffset.UtcNow;

        await using var admin = await OpenAsync(ct);
        var start = new Dictionary<string, long>();
        foreach (var table in new[] { "outlets", "people", "person_aliases", "person_roles", "articles", "article_revisions", "statements", "claims" })
        {
            start[table] = await ScalarAsync<long>(admin, $"SELECT coalesce(max(id), 0) + 1 FROM {table}", ct);
        }

        var takenSlugs = new HashSet<string>(await ListAsync(admin, "SELECT slug FROM people", ct));
        var takenOutlets = new HashSet<string>(await ListAsync(admin, "SELECT lower(name) FROM outlets", ct));
        var statusDefinition = await ScalarAsync<string>(admin, "SELECT coalesce((SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_statements_status'), '')", ct);
        var machineStatus = statusDefinition.Contains("'published'", StringComparison.Ordinal) ? "published" : "extracted";

        progress("Dropping secondary indexes for the load");
        var indexes = await DropSecondaryIndexesAsync(admin, ct);

        // Outlets: few enough for one small COPY.
        var outlets = new List<(long Id, string Name, string Domain)>();
        await using (var copy = await admin.BeginBinaryImportAsync("COPY outlets (id, name, web_domain, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            while (outlets.Count < options.Outlets)
            {
                var name = words.OutletName(words.PlaceName());
                if (!takenOutlets.Add(name.ToLowerInvariant()))
                {
                    continue;
                }

                var id = start["outlets"] + outlets.Count;
                var domain = $"{Slug.From(name)}-{id}.example";
                outlets.Add((id, name, domain));
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(domain, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }

            await copy.CompleteAsync(ct);
        }

        progress($"{outlets.Count:N0} outlets ({clock.Elapsed.TotalSeconds:F0} s)");

        var people = await WritePeopleAsync(options, words, random, start, takenSlugs, now, ct);
        progress($"{people.Count:N0} people with aliases and roles ({clock.Elapsed.TotalSeconds:F0} s)");

        var speakerTickets = SpeakerTickets(options, random);
        var perArticle = StatementsPerArticle(options, random);
        var statementIds = await WriteArticlesAsync(options, words, random, start, outlets, people, speakerTickets, perArticle, machineStatus, now, clock, ct);

        var claims = await WriteClaimsAsync(options, words, random, start, statementIds, now, ct);
        progress($"{claims:N0} claims ({clock.Elapsed.TotalSeconds:F0} s)");

        progress("Rebuilding indexes and sequences, analysing");
        foreach (var definition in indexes)
        {
            await ExecuteAsync(admin, definition, ct, timeout: 0);
        }

        foreach (var table in new[] { "outlets", "people", "person_aliases", "person_roles", "articles", "article_revisions", "statements", "claims" })
        {
            await ExecuteAsync(admin, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))", ct);
        }

        // The bulk load bypasses the triggers that keep the quote-search tables current: refill them in one pass.
        progress("Rebuilding the quote-search tables");
        await ExecuteAsync(admin, "SELECT statement_search_rebuild()", ct, timeout: 0);
        await ExecuteAsync(admin, "ANALYZE", ct, timeout: 0);
        return new GenerationReport(outlets.Count, people.Count, options.Articles, options.Statements, claims,
            [.. people.Take(options.HeavySpeakers).Select(p => p.Slug)], clock.Elapsed);
    }

    private async Task<List<(long Id, string Name, string Surname, string Slug, string Role)>> WritePeopleAsync(
        GenerationOptions options, InventedText words, Random random, Dictionary<string, long> start, HashSet<string> takenSlugs, DateTimeOffset now, CancellationToken ct)
    {
        await using var peopleConnection = await OpenAsync(ct);
        await using var aliasConnection = await OpenAsync(ct);
        await using var roleConnection = await OpenAsync(ct);
        await using var peopleCopy = await peopleConnection.BeginBinaryImportAsync(
            "COPY people (id, name, slug, description, needs_review, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        await using var aliasCopy = await aliasConnection.BeginBinaryImportAsync(
            "COPY person_aliases (id, person_id, alias, normalised_alias) FROM STDIN (FORMAT BINARY)", ct);
        await using var roleCopy = await roleConnection.BeginBinaryImportAsync(
            "COPY person_roles (id, person_id, title, organisation, started_on, ended_on) FROM STDIN (FORMAT BINARY)", ct);
        var people = new List<(long, string, string, string, string)>(options.People);
        long aliasId = start["person_aliases"], roleId = start["person_roles"];
        while (people.Count < options.People)
        {
            var name = words.PersonName();
            var slug = Slug.From(name);
            if (!takenSlugs.Add(slug))
            {
                continue;
            }

            var id = start["people"] + people.Count;
            var place = words.PlaceName();
            var current = words.RoleTitle();
            var organisation = words.Organisation(place);
            var surname = name[(name.IndexOf(' ') + 1)..];
            people.Add((id, name, surname, slug, current));

            await peopleCopy.StartRowAsync(ct);
            await peopleCopy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
            await peopleCopy.WriteAsync(name, NpgsqlDbType.Varchar, ct);
            await peopleCopy.WriteAsync(slug, NpgsqlDbType.Varchar, ct);
            await peopleCopy.WriteAsync($"{current}, {organisation} (invented person, generated for benchmarks)", NpgsqlDbType.Varchar, ct);
            await peopleCopy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await peopleCopy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await peopleCopy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);

            foreach (var alias in new[] { name, surname }.DistinctBy(SearchKey.ForName))
            {
                await aliasCopy.StartRowAsync(ct);
                await aliasCopy.WriteAsync(aliasId++, NpgsqlDbType.Bigint, ct);
                await aliasCopy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
                await aliasCopy.WriteAsync(alias, NpgsqlDbType.Varchar, ct);
                await aliasCopy.WriteAsync(SearchKey.ForName(alias), NpgsqlDbType.Varchar, ct);
            }

            // A former role ending where the current one starts: pages must show the role held on the day.
            var changed = new DateOnly(2016 + random.Next(8), 1 + random.Next(12), 1);
            await WriteRoleAsync(roleCopy, roleId++, id, words.RoleTitle(), words.Organisation(words.PlaceName()), changed.AddYears(-4 - random.Next(6)), changed.AddDays(-1), ct);
            await WriteRoleAsync(roleCopy, roleId++, id, current, organisation, changed, null, ct);
        }

        await peopleCopy.CompleteAsync(ct);
        await aliasCopy.CompleteAsync(ct);
        await roleCopy.CompleteAsync(ct);
        return people;
    }

    private static async Task WriteRoleAsync(NpgsqlBinaryImporter copy, long id, long personId, string title, string organisation, DateOnly from, DateOnly? to, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(personId, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(title, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(organisation, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(from, NpgsqlDbType.Date, ct);
        if (to is { } end)
        {
            await copy.WriteAsync(end, NpgsqlDbType.Date, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }

    /// <summary>Speaker index per statement: the heavy speakers exactly, the rest Zipf-like (rank^-1.1), shuffled.</summary>
    private static int[] SpeakerTickets(GenerationOptions options, Random random)
    {
        var tickets = new int[options.Statements];
        var next = 0;
        for (var p = 0; p < options.HeavySpeakers; p++)
        {
            for (var i = 0; i < options.HeavySpeakerStatements; i++)
            {
                tickets[next++] = p;
            }
        }

        var rest = options.People - options.HeavySpeakers;
        var weights = Enumerable.Range(1, rest).Select(rank => Math.Pow(rank + 5, -1.1)).ToArray();
        var total = weights.Sum();
        var remaining = options.Statements - next;
        var cumulative = 0.0;
        var assigned = 0;
        for (var r = 0; r < rest && next < tickets.Length; r++)
        {
            cumulative += weights[r];
            var upTo = r == rest - 1 ? remaining : (int)Math.Round(cumulative / total * remaining);
            for (; assigned < upTo && next < tickets.Length; assigned++)
            {
                tickets[next++] = options.HeavySpeakers + r;
            }
        }

        random.Shuffle(tickets);
        return tickets;
    }

    /// <summary>Five statements per article on average, spread 1 to 12, summing exactly to the total.</summary>
    private static int[] StatementsPerArticle(GenerationOptions options, Random random)
    {
        var counts = new int[options.Articles];
        var baseCount = options.Statements / options.Articles;
        Array.Fill(counts, baseCount);
        for (var i = 0; i < options.Statements % options.Articles; i++)
        {
            counts[i]++;
        }

        for (var i = 0; i < options.Articles * 2; i++)
        {
            var from = random.Next(options.Articles);
            var to = random.Next(options.Articles);
            var move = 1 + random.Next(3);
            if (counts[from] - move >= 1 && counts[to] + move <= 12)
            {
                counts[from] -= move;
                counts[to] += move;
            }
        }

        return counts;
    }

    private async Task<long[]> WriteArticlesAsync(
        GenerationOptions options, InventedText words, Random random, Dictionary<string, long> start,
        List<(long Id, string Name, string Domain)> outlets, List<(long Id, string Name, string Surname, string Slug, string Role)> people,
        int[] speakerTickets, int[] perArticle, string machineStatus, DateTimeOffset now, Stopwatch clock, CancellationToken ct)
    {
        await using var articleConnection = await OpenAsync(ct);
        await using var revisionConnection = await OpenAsync(ct);
        await using var statementConnection = await OpenAsync(ct);
        await using var personConnection = await OpenAsync(ct);
        await using var articles = await articleConnection.BeginBinaryImportAsync(
            "COPY articles (id, title, canonical_url, outlet_id, author, published_on, language, body, content_hash, reported_via, created_at, updated_at, extractor_version, is_sample, current_revision) FROM STDIN (FORMAT BINARY)", ct);
        await using var revisions = await revisionConnection.BeginBinaryImportAsync(
            "COPY article_revisions (id, article_id, number, body, content_hash, created_at, reason) FROM STDIN (FORMAT BINARY)", ct);
        await using var statements = await statementConnection.BeginBinaryImportAsync(
            "COPY statements (id, article_id, span_start, span_end, text, kind, speaker_id, mention_start, mention_end, mention_text, speaker_rule, cue_start, cue_end, cue_text, when_said_text, when_said_date, when_said_precision, place, occasion, confidence, status, reviewed_at, extractor_version, reported_via, anchor_status, anchored_revision, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        await using var persons = await personConnection.BeginBinaryImportAsync(
            "COPY statement_persons (statement_id, person_id, role) FROM STDIN (FORMAT BINARY)", ct);

        var statementIds = new long[options.Statements];
        var ticket = 0;
        var firstDay = new DateOnly(2016, 1, 1);
        var days = new DateOnly(2026, 10, 31).DayNumber - firstDay.DayNumber;
        var body = new StringBuilder(4096);
        var spans = new List<GeneratedStatement>(12);
        for (var a = 0; a < options.Articles; a++)
        {
            var articleId = start["articles"] + a;
            var outlet = outlets[random.Next(outlets.Count)];
            var published = firstDay.AddDays(random.Next(days));
            var place = words.PlaceName();
            var author = words.PersonName();
            body.Clear();
            spans.Clear();
            var speakersHere = new List<int>();
            for (var k = 0; k < perArticle[a]; k++)
            {
                var speaker = speakerTickets[ticket++];
                var person = people[speaker];
                var named = speakersHere.Contains(speaker);
                speakersHere.Add(speaker);
                var mention = named ? person.Surname : $"{person.Role} {person.Name}";
                var kind = random.Next(10) switch { < 4 => "direct", < 8 => "indirect", _ => "mixed" };
                var whereSaid = random.Next(10) < 4 ? place : null;
                var occasion = whereSaid is not null && random.Next(3) == 0 ? words.Occasion() : null;
                string? whenText = null;
                DateOnly? whenDate = null;
                if (random.Next(10) < 7)
                {
                    whenText = words.Weekday(out var weekday);
                    var target = (DayOfWeek)((weekday + 1) % 7);
                    var back = ((int)published.DayOfWeek - (int)target + 7) % 7;
                    whenDate = published.AddDays(-(back == 0 ? 7 : back));
                }

                if (body.Length > 0)
                {
                    body.Append("\n\n");
                }

                var setting = (whereSaid is null ? "" : occasion is null ? $" in {whereSaid}" : $" in {whereSaid} during {occasion}") + (whenText is null ? "" : $" {whenText}");
                var statement = new GeneratedStatement { Speaker = speaker, Kind = kind, Place = whereSaid, Occasion = occasion, WhenText = whenText, WhenDate = whenDate };
                if (kind == "direct")
                {
                    var quote = InventedText.Capitalise(words.Clause());
                    body.Append('“');
                    statement.Start = body.Length;
                    body.Append(quote);
                    statement.End = body.Length;
                    body.Append(",” ");
                    statement.MentionStart = body.Length;
                    body.Append(mention);
                    statement.MentionEnd = body.Length;
                    body.Append(' ');
                    var cue = words.DirectCue();
                    statement.CueStart = body.Length;
                    body.Append(cue);
                    statement.CueEnd = body.Length;
                    body.Append(setting).Append('.');
                }
                else
                {
                    var reported = kind == "mixed" ? $"{words.Clause()}, calling it “{words.Fragment()}”" : words.Clause();
                    if (setting.Length > 0)
                    {
                        body.Append("Speaking").Append(setting).Append(", ");
                        statement.MentionStart = body.Length;
                        body.Append(mention);
                    }
                    else
                    {
                        statement.MentionStart = body.Length;
                        body.Append(InventedText.Capitalise(mention));
                    }

                    statement.MentionEnd = body.Length;
                    body.Append(' ');
                    var cue = words.IndirectCue();
                    statement.CueStart = body.Length;
                    body.Append(cue);
                    statement.CueEnd = body.Length;
                    body.Append(" that ");
                    statement.Start = body.Length;
                    body.Append(reported);
                    statement.End = body.Length;
                    body.Append('.');
                }

                if (random.Next(4) == 0)
                {
                    body.Append(' ').Append(words.Filler());
                }

                spans.Add(statement);
            }

            body.Append("\n\n").Append(words.Filler()).Append($" (Reporting by {author}; ref. {outlet.Id}-{articleId}.)");
            var text = body.ToString();
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            var lead = people[spans[0].Speaker];
            var title = words.Headline(lead.Surname);
            var reportedVia = random.Next(20) == 0 ? outlets[random.Next(outlets.Count)].Name : null;
            var created = new DateTimeOffset(published.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

            await articles.StartRowAsync(ct);
            await articles.WriteAsync(articleId, NpgsqlDbType.Bigint, ct);
            await articles.WriteAsync(title, NpgsqlDbType.Varchar, ct);
            await articles.WriteAsync($"https://{outlet.Domain}/{published:yyyy/MM}/{Slug.From(title)}-{articleId}", NpgsqlDbType.Varchar, ct);
            await articles.WriteAsync(outlet.Id, NpgsqlDbType.Bigint, ct);
            await articles.WriteAsync(author, NpgsqlDbType.Varchar, ct);
            await articles.WriteAsync(published, NpgsqlDbType.Date, ct);
            await articles.WriteAsync("en", NpgsqlDbType.Varchar, ct);
            await articles.WriteAsync(text, NpgsqlDbType.Text, ct);
            await articles.WriteAsync(hash, NpgsqlDbType.Char, ct);
            await WriteOptionalAsync(articles, reportedVia, NpgsqlDbType.Varchar, ct);
            await articles.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            await articles.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            await articles.WriteAsync(ExtractorVersion, NpgsqlDbType.Varchar, ct);
            await articles.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await articles.WriteAsync(1, NpgsqlDbType.Integer, ct);

            await revisions.StartRowAsync(ct);
            await revisions.WriteAsync(start["article_revisions"] + a, NpgsqlDbType.Bigint, ct);
            await revisions.WriteAsync(articleId, NpgsqlDbType.Bigint, ct);
            await revisions.WriteAsync(1, NpgsqlDbType.Integer, ct);
            await revisions.WriteAsync(text, NpgsqlDbType.Text, ct);
            await revisions.WriteAsync(hash, NpgsqlDbType.Char, ct);
            await revisions.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            await revisions.WriteAsync("Generated", NpgsqlDbType.Varchar, ct);

            foreach (var s in spans)
            {
                var index = ticket - spans.Count + spans.IndexOf(s);
                var statementId = start["statements"] + index;
                statementIds[index] = statementId;
                var confirmed = random.Next(10) == 0;
                await statements.StartRowAsync(ct);
                await statements.WriteAsync(statementId, NpgsqlDbType.Bigint, ct);
                await statements.WriteAsync(articleId, NpgsqlDbType.Bigint, ct);
                await statements.WriteAsync(s.Start, NpgsqlDbType.Integer, ct);
                await statements.WriteAsync(s.End, NpgsqlDbType.Integer, ct);
                await statements.WriteAsync(text[s.Start..s.End], NpgsqlDbType.Text, ct);
                await statements.WriteAsync(s.Kind, NpgsqlDbType.Varchar, ct);
                await statements.WriteAsync(people[s.Speaker].Id, NpgsqlDbType.Bigint, ct);
                await statements.WriteAsync(s.MentionStart, NpgsqlDbType.Integer, ct);
                await statements.WriteAsync(s.MentionEnd, NpgsqlDbType.Integer, ct);
                await statements.WriteAsync(text[s.MentionStart..s.MentionEnd], NpgsqlDbType.Varchar, ct);
                await statements.WriteAsync("generated", NpgsqlDbType.Varchar, ct);
                await statements.WriteAsync(s.CueStart, NpgsqlDbType.Integer, ct);
                await statements.WriteAsync(s.CueEnd, NpgsqlDbType.Integer, ct);
                await statements.WriteAsync(text[s.CueStart..s.CueEnd], NpgsqlDbType.Varchar, ct);
                await WriteOptionalAsync(statements, s.WhenText, NpgsqlDbType.Varchar, ct);
                if (s.WhenDate is { } when)
                {
                    await statements.WriteAsync(when, NpgsqlDbType.Date, ct);
                    await statements.WriteAsync("day", NpgsqlDbType.Varchar, ct);
                }
                else
                {
                    await statements.WriteNullAsync(ct);
                    await statements.WriteAsync("unknown", NpgsqlDbType.Varchar, ct);
                }

                await WriteOptionalAsync(statements, s.Place, NpgsqlDbType.Varchar, ct);
                await WriteOptionalAsync(statements, s.Occasion, NpgsqlDbType.Varchar, ct);
                await statements.WriteAsync(0.55 + (random.Next(45) / 100.0), NpgsqlDbType.Double, ct);
                await statements.WriteAsync(confirmed ? "confirmed" : machineStatus, NpgsqlDbType.Varchar, ct);
                if (confirmed)
                {
                    await statements.WriteAsync(created.AddDays(1), NpgsqlDbType.TimestampTz, ct);
                }
                else
                {
                    await statements.WriteNullAsync(ct);
                }

                await statements.WriteAsync(ExtractorVersion, NpgsqlDbType.Varchar, ct);
                await WriteOptionalAsync(statements, reportedVia, NpgsqlDbType.Varchar, ct);
                await statements.WriteAsync("anchored", NpgsqlDbType.Varchar, ct);
                await statements.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await statements.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await statements.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);

                // One statement in five talks about or to someone else quoted in the same article (or a random person).
                if (random.Next(5) == 0)
                {
                    var other = speakersHere.FirstOrDefault(x => x != s.Speaker, random.Next(people.Count));
                    if (other != s.Speaker)
                    {
                        await persons.StartRowAsync(ct);
                        await persons.WriteAsync(statementId, NpgsqlDbType.Bigint, ct);
                        await persons.WriteAsync(people[other].Id, NpgsqlDbType.Bigint, ct);
                        await persons.WriteAsync(random.Next(3) == 0 ? "addressee" : "subject", NpgsqlDbType.Varchar, ct);
                    }
                }
            }

            if ((a + 1) % 20_000 == 0)
            {
                progress($"{a + 1:N0} articles, {ticket:N0} statements ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        await articles.CompleteAsync(ct);
        await revisions.CompleteAsync(ct);
        await statements.CompleteAsync(ct);
        await persons.CompleteAsync(ct);
        return statementIds;
    }

    private async Task<int> WriteClaimsAsync(
        GenerationOptions options, InventedText words, Random random, Dictionary<string, long> start, long[] statementIds, DateTimeOffset now, CancellationToken ct)
    {
        await using var claimConnection = await OpenAsync(ct);
        await using var linkConnection = await OpenAsync(ct);
        await using var claims = await claimConnection.BeginBinaryImportAsync(
            "COPY claims (id, text, created_at, updated_at, topics, verdict, verdict_explanation, rated_at, verdict_sources) FROM STDIN (FORMAT BINARY)", ct);
        await using var links = await linkConnection.BeginBinaryImportAsync(
            "COPY claim_statements (claim_id, statement_id, created_at) FROM STDIN (FORMAT BINARY)", ct);
        string[] verdicts = ["true", "mostly_true", "mixed", "mostly_false", "false", "unsupported", "misleading"];
        string[] topics = ["transport", "harbour", "budget", "housing", "energy", "health", "schools", "trade"];
        for (var c = 0; c < options.Claims; c++)
        {
            var id = start["claims"] + c;
            var rated = random.Next(4) != 0;
            await claims.StartRowAsync(ct);
            await claims.WriteAsync(id, NpgsqlDbType.Bigint, ct);
            await claims.WriteAsync(words.Claim(), NpgsqlDbType.Varchar, ct);
            await claims.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await claims.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await claims.WriteAsync(new[] { topics[random.Next(topics.Length)] }, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            if (rated)
            {
                await claims.WriteAsync(verdicts[random.Next(verdicts.Length)], NpgsqlDbType.Varchar, ct);
                await claims.WriteAsync("Checked against the published budget documents (generated verdict).", NpgsqlDbType.Text, ct);
                await claims.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }
            else
            {
                await claims.WriteNullAsync(ct);
                await claims.WriteNullAsync(ct);
                await claims.WriteNullAsync(ct);
            }

            await claims.WriteAsync("[]", NpgsqlDbType.Jsonb, ct);

            foreach (var statementId in Enumerable.Range(0, 1 + random.Next(3)).Select(_ => statementIds[random.Next(statementIds.Length)]).Distinct())
            {
                await links.StartRowAsync(ct);
                await links.WriteAsync(id, NpgsqlDbType.Bigint, ct);
                await links.WriteAsync(statementId, NpgsqlDbType.Bigint, ct);
                await links.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }
        }

        await claims.CompleteAsync(ct);
        await links.CompleteAsync(ct);
        return options.Claims;
    }

    /// <summary>Drops the non-key indexes of the loaded tables and returns their definitions, to rebuild them in one pass each after the load.</summary>
    private static async Task<List<string>> DropSecondaryIndexesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var definitions = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relname = ANY(@tables) AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, connection))
        {
            command.Parameters.AddWithValue("tables", LoadedTables);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                definitions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in definitions)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}", ct);
        }

        return [.. definitions.Select(d => d.Definition)];
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // As in a restore: foreign keys are not checked row by row while related tables load side by side.
        await ExecuteAsync(connection, "SET session_replication_role = replica; SET synchronous_commit = off", ct);
        return connection;
    }

    private static async Task WriteOptionalAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(value, type, ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, int timeout = 300)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeout };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"No value from: {sql}"));
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var values = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private sealed class GeneratedStatement
    {
        public int Speaker { get; init; }

        public required string Kind { get; init; }

        public string? Place { get; init; }

        public string? Occasion { get; init; }

        public string? WhenText { get; init; }

        public DateOnly? WhenDate { get; init; }

        public int Start { get; set; }

        public int End { get; set; }

        public int MentionStart { get; set; }

        public int MentionEnd { get; set; }

        public int CueStart { get; set; }

        public int CueEnd { get; set; }
    }
}
