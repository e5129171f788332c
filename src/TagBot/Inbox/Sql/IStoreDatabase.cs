using System.Data.Common;

namespace TagBot.Inbox.Sql;

/// <summary>
/// A relational store for the inbox and ledger. The SQL they run is the same on SQLite and
/// PostgreSQL; providers differ only in how they connect and create the schema.
/// </summary>
public interface IStoreDatabase
{
    /// <summary>An open connection on a ready schema (created on first use).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Creates the schema if needed; safe when several processes do it at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);
}
