using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsClaims.Core.Common;
using Npgsql;

namespace NewsClaims.Data.Import;

/// <summary>
/// Writes new entities with PostgreSQL's binary COPY, column for column as EF Core maps them (the model is the
/// only source of table and column names, types and value conversions), so bulk imports skip EF Core's
/// per-row statements without a second, drifting mapping. Keys come from the tables' own identity sequences,
/// reserved up front; foreign keys are read from the navigations, as EF Core's fix-up would.
/// </summary>
internal sealed class BulkCopy(NpgsqlConnection connection, IModel model, DateTimeOffset now)
{
    private static readonly ConditionalWeakTable<IEntityType, Table> Tables = new();

    private readonly Dictionary<object, long> _ids = new(ReferenceEqualityComparer.Instance);

    /// <summary>The time stamped on rows whose created/updated time is not set yet.</summary>
    public DateTimeOffset Now => now;

    /// <summary>The key of an entity written (or to be written) here, else its own stored key.</summary>
    public long IdOf(object entity)
    {
        if (_ids.TryGetValue(entity, out var id))
        {
            return id;
        }

        var key = TableOf(entity.GetType()).Key ?? throw new InvalidOperationException($"{entity.GetType().Name} has no single key.");
        var stored = Convert.ToInt64(key.GetGetter().GetClrValue(entity), System.Globalization.CultureInfo.InvariantCulture);
        return stored != 0 ? stored : throw new InvalidOperationException($"This {entity.GetType().Name} has no key yet: reserve one first.");
    }

    /// <summary>Gives <paramref name="entity"/> a known key (re-extraction keeps a statement's id).</summary>
    public void UseId(object entity, long id) => _ids[entity] = id;

    /// <summary>Takes keys for the entities from their table's identity sequence, in one round trip.</summary>
    public async Task ReserveIdsAsync<T>(IReadOnlyList<T> entities, CancellationToken ct)
        where T : class
    {
        var missing = entities.Where(e => !_ids.ContainsKey(e)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var table = TableOf(typeof(T));
        await using var command = new NpgsqlCommand(
            NextValues("@table", "@column", "@count"), connection);
        command.Parameters.AddWithValue("table", table.QualifiedName);
        command.Parameters.AddWithValue("column", table.KeyColumn!);
        command.Parameters.AddWithValue("count", missing.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct))
        {
            _ids[missing[i++]] = reader.GetInt64(0);
        }
    }

    /// <summary>
    /// Takes keys for several kinds of entities (each list of one entity type) in one round trip: a batch of one
    /// <c>nextval</c> query per table, as <see cref="ReserveIdsAsync{T}"/> would send one by one.
    /// </summary>
    public async Task ReserveIdsAsync(IReadOnlyList<(Type Type, IReadOnlyList<object> Entities)> lists, CancellationToken ct)
    {
        var wanted = lists
            .Select(l => (Table: TableOf(l.Type), Missing: l.Entities.Where(e => !_ids.ContainsKey(e)).ToList()))
            .Where(l => l.Missing.Count > 0)
            .ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var (table, missing) in wanted)
        {
            var command = new NpgsqlBatchCommand(NextValues("$1", "$2", "$3"));
            command.Parameters.Add(new NpgsqlParameter { Value = table.QualifiedName });
            command.Parameters.Add(new NpgsqlParameter { Value = table.KeyColumn! });
            command.Parameters.Add(new NpgsqlParameter { Value = missing.Count });
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        foreach (var (_, missing) in wanted)
        {
            var i = 0;
            while (await reader.ReadAsync(ct))
            {
                _ids[missing[i++]] = reader.GetInt64(0);
            }

            await reader.NextResultAsync(ct);
        }
    }

    // The sequence is looked up once per query, not once per key (pg_get_serial_sequence in the select list ran for
    // every row: a tenth of a bulk batch's key reservation).
    private static string NextValues(string table, string column, string count) =>
        $"WITH q AS MATERIALIZED (SELECT pg_get_serial_sequence({table}, {column})::regclass AS s) SELECT nextval(q.s) FROM q CROSS JOIN generate_series(1, {count})";

    /// <summary>COPYs the entities into their table; every single-column key must have been reserved.</summary>
    public async Task CopyAsync<T>(IReadOnlyList<T> entities, CancellationToken ct)
        where T : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        var table = TableOf(typeof(T));
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table.QualifiedName} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var entity in entities)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                await WriteAsync(writer, column, ValueOf(entity, column), ct);
            }
        }

        await writer.CompleteAsync(ct);
    }

    private object? ValueOf(object entity, Column column)
    {
        var property = column.Property;
        if (property.IsPrimaryKey() && column.IsSingleKey)
        {
            return IdOf(entity);
        }

        if (column.Navigation is { } navigation)
        {
            var principal = navigation.GetGetter().GetClrValue(entity);
            if (principal is not null)
            {
                return IdOf(principal);
            }
        }

        var value = property.GetGetter().GetClrValue(entity);
        if (value is DateTimeOffset at && at == default && property.Name is nameof(IHasCreatedAt.CreatedAt) or nameof(IHasUpdatedAt.UpdatedAt))
        {
            value = now;
        }

        return column.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value;
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter writer, Column column, object? value, CancellationToken ct)
    {
        var type = column.StoreType;
        switch (value)
        {
            case null:
                await writer.WriteNullAsync(ct);
                break;
            case string s:
                await writer.WriteAsync(s, type, ct);
                break;
            case long l:
                await writer.WriteAsync(l, type, ct);
                break;
            case int i:
                await writer.WriteAsync(i, type, ct);
                break;
            case double d:
                await writer.WriteAsync(d, type, ct);
                break;
            case bool b:
                await writer.WriteAsync(b, type, ct);
                break;
            case DateOnly day:
                await writer.WriteAsync(day, type, ct);
                break;
            case DateTimeOffset at:
                await writer.WriteAsync(at.ToUniversalTime(), type, ct);
                break;
            default:
                throw new NotSupportedException($"Column {column.Name} holds a {value.GetType().Name}, which bulk import does not write.");
        }
    }

    private Table TableOf(Type clrType)
    {
        var entityType = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not an entity.");
        return Tables.GetValue(entityType, Table.For);
    }

    private sealed record Column(string Name, string StoreType, IProperty Property, INavigation? Navigation, bool IsSingleKey,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter);

    private sealed record Table(string QualifiedName, IReadOnlyList<Column> Columns, IProperty? Key, string? KeyColumn)
    {
        public static Table For(IEntityType entityType)
        {
            var mapping = entityType.GetTableMappings().First();
            var table = mapping.Table;
            var key = entityType.FindPrimaryKey()!;
            var singleKey = key.Properties.Count == 1 ? key.Properties[0] : null;
            var columns = new List<Column>();
            foreach (var columnMapping in mapping.ColumnMappings)
            {
                var property = columnMapping.Property;

                // Generated by the database: computed columns (search vectors, folded keys) and the xmin row version.
                if (property.ValueGenerated == ValueGenerated.OnAddOrUpdate)
                {
                    continue;
                }

                var navigation = property.GetContainingForeignKeys().Select(fk => fk.DependentToPrincipal).FirstOrDefault(n => n is not null);
                var storeType = columnMapping.Column.StoreType;
                var facets = storeType.IndexOf('(', StringComparison.Ordinal);
                columns.Add(new Column(
                    columnMapping.Column.Name,
                    facets < 0 ? storeType : storeType[..facets].TrimEnd(),
                    property,
                    navigation,
                    ReferenceEquals(property, singleKey),
                    columnMapping.TypeMapping.Converter));
            }

            var qualified = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
            var keyColumn = singleKey is null ? null : columns.First(c => ReferenceEquals(c.Property, singleKey)).Name;
            return new Table(qualified, columns, singleKey, keyColumn);
        }
    }
}
