using Npgsql;

namespace NewsClaims.Web.Hosting;

/// <summary>
/// The site's pooled connections keep what PostgreSQL has already done for a statement: unless the connection string
/// says otherwise, statements run a second time are prepared (<c>Max Auto Prepare</c> 64, <c>Auto Prepare Min
/// Usages</c> 2), so PostgreSQL stops parsing them and may keep a plan; and a connection going back to the pool is not
/// reset (<c>No Reset On Close</c>), which saves a round of seven reset commands at the start of each request's first
/// statement. Together about a tenth of a first-time search's time in PostgreSQL. Not resetting is safe because the
/// site never leaves session state behind: its settings are <c>set_config(..., true)</c> and its advisory locks
/// <c>pg_advisory_xact_lock</c>, both ended with the transaction, and an unfinished transaction is still rolled back
/// when its connection returns to the pool. Code that sets session state on a pooled connection must use its own
/// connection string.
/// </summary>
public static class StatementReuse
{
    public const int MaxAutoPrepare = 64;

    public const int AutoPrepareMinUsages = 2;

    public static string WithDefaults(string connectionString)
    {
        var given = DatabaseUnavailable.GivenKeys(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.Contains("AUTOPREPAREMINUSAGES"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
