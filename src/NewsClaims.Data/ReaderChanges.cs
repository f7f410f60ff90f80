namespace NewsClaims.Data;

/// <summary>
/// Every committed change to what readers see raises a PostgreSQL notification on <see cref="Channel"/>, whichever
/// process made it: the site, another instance of it, the command-line import, a psql session. Statement-level
/// triggers on the reader tables call <c>pg_notify</c> with the table's name; PostgreSQL delivers notifications only
/// when the transaction commits, and once per distinct table per transaction, so a bulk import batch raises a handful.
/// The site listens and evicts its reader caches (pages and search results).
/// </summary>
public static class ReaderChanges
{
    public const string Channel = "newsclaims_reader_changes";

    /// <summary>Tables whose rows readers see, directly or through a page that shows them.</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "annotations", "article_revisions", "articles", "claim_relations", "claim_statements", "claims", "outlets",
        "people", "person_aliases", "person_roles", "person_slug_redirects", "quote_groups", "statement_persons", "statements",
    ];

    public static string Create =>
        $$"""
        CREATE OR REPLACE FUNCTION public.notify_reader_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            PERFORM pg_notify('{{Channel}}', TG_TABLE_NAME);
            RETURN NULL;
        END
        $fn$;
        {{string.Concat(Tables.Select(t => $"""

            CREATE TRIGGER tr_{t}_reader_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.{t}
                FOR EACH STATEMENT EXECUTE FUNCTION public.notify_reader_change();
            """))}}
        """;

    public static string Drop =>
        string.Concat(Tables.Select(t => $"DROP TRIGGER IF EXISTS tr_{t}_reader_change ON public.{t};\n"))
        + "DROP FUNCTION IF EXISTS public.notify_reader_change();\n";
}
