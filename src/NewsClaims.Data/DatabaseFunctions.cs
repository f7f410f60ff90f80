namespace NewsClaims.Data;

/// <summary>SQL objects the model needs that EF Core cannot express; created by the Initial migration.</summary>
public static class DatabaseFunctions
{
    /// <summary>
    /// <c>unaccent()</c> is only STABLE (its dictionary could change), so a generated column cannot call it;
    /// this wrapper pins the dictionary and is declared IMMUTABLE.
    /// </summary>
    public const string CreateUnaccent = """
        CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
        """;

    public const string DropUnaccent = "DROP FUNCTION IF EXISTS public.f_unaccent(text);";
}
