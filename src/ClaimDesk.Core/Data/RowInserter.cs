using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClaimDesk.Core.Data;

/// <summary>
/// An INSERT for one entity type that returns the new identity key, generated once from the EF model — table, columns,
/// each column's type mapping and value converter — and run with plain ADO.NET. For the claim-registration writer,
/// which inserts rows by the thousand a second: EF's change tracking and update pipeline cost several times the insert
/// itself. Only for append-only rows written in full: every mapped column is sent, and only the key comes back.
/// </summary>
public sealed class RowInserter<TEntity> where TEntity : class
{
    private readonly Column[] _columns;
    private readonly IProperty _key;

    public string Sql { get; }

    public RowInserter(ClaimDeskDbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        _key = entityType.FindPrimaryKey()!.Properties.Single();
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        _columns = entityType.GetProperties()
            .Where(p => p != _key)
            .Select((p, i) => new Column(
                p.IsShadowProperty() ? throw new InvalidOperationException($"{typeof(TEntity).Name}.{p.Name} is a shadow property.") : p,
                (RelationalTypeMapping)p.GetRelationalTypeMapping(),
                sql.DelimitIdentifier(p.GetColumnName(table)!),
                sql.GenerateParameterName("p" + i)))
            .ToArray();

        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", _columns.Select(c => c.Name))})";
        var values = $"VALUES ({string.Join(", ", _columns.Select(c => c.Parameter))})";
        var key = sql.DelimitIdentifier(_key.GetColumnName(table)!);
        // The two providers spell "give me the new key" differently; both return it as the only column of one row.
        Sql = db.Database.IsSqlServer()
            ? $"{into} OUTPUT INSERTED.{key} {values};"
            : $"{into} {values} RETURNING {key};";
    }

    /// <summary>A command to reuse for every row of a batch (SQLite keeps it prepared between executions).</summary>
    public DbCommand CreateCommand(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        foreach (var column in _columns)
            command.Parameters.Add(column.Mapping.CreateParameter(command, column.Parameter, null, column.Property.IsNullable));
        return command;
    }

    /// <summary>Inserts the entity's values and returns its new key (the entity itself is left as it was).</summary>
    public async Task<long> InsertAsync(DbCommand command, TEntity entity, CancellationToken ct)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (column.Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            command.Parameters[i].Value = value ?? DBNull.Value;
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, string Name, string Parameter);
}
