using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimDesk.Core.Data;

/// <summary>What a failed write says about the database, in the same words on both providers.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// The write lost a race on a unique index: another request inserted the same outlet name, content hash, URL or key
    /// first. (SQLite: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY; SQL Server: errors 2601 and 2627.)
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
