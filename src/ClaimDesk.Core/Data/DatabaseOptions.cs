namespace ClaimDesk.Core.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

public static class DatabaseDefaults
{
    public const string ConnectionStringName = "ClaimDesk";
    public const string SqliteConnectionString = "Data Source=data/claimdesk.db";
}
