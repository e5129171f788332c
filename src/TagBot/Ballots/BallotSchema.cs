namespace TagBot.Ballots;

/// <summary>
/// The tables of the ballot box and of the Data Protection key ring, created with the inbox's schema.
/// Nothing here orders or dates a ballot: SQLite tables have no rowid (rows sit in key order, and the
/// key of a ballot is an HMAC), there are no timestamps, and the closed ballots are written in receipt order.
/// </summary>
internal static class BallotSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS tagbot_ballot_elections (
            election TEXT PRIMARY KEY,
            secret   BLOB,
            closed   INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tagbot_ballot_voters (
            election TEXT NOT NULL,
            voter_id INTEGER NOT NULL,
            login    TEXT NOT NULL,
            PRIMARY KEY (election, voter_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tagbot_ballots (
            election   TEXT NOT NULL,
            slot       TEXT NOT NULL,
            receipt    TEXT NOT NULL,
            submission TEXT NOT NULL,
            ballot     TEXT NOT NULL,
            PRIMARY KEY (election, slot)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tagbot_ballots_closed (
            election TEXT NOT NULL,
            receipt  TEXT NOT NULL,
            ballot   TEXT NOT NULL,
            PRIMARY KEY (election, receipt)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tagbot_dataprotection_keys (
            name TEXT PRIMARY KEY,
            xml  TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tagbot_ballot_pages (
            election TEXT PRIMARY KEY,
            view     TEXT NOT NULL
        ) WITHOUT ROWID;
        """;

    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS tagbot_ballot_elections (
            election text PRIMARY KEY,
            secret   bytea,
            closed   integer NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS tagbot_ballot_voters (
            election text NOT NULL,
            voter_id bigint NOT NULL,
            login    text NOT NULL,
            PRIMARY KEY (election, voter_id)
        );
        CREATE TABLE IF NOT EXISTS tagbot_ballots (
            election   text NOT NULL,
            slot       text NOT NULL,
            receipt    text NOT NULL,
            submission text NOT NULL,
            ballot     text NOT NULL,
            PRIMARY KEY (election, slot)
        );
        CREATE TABLE IF NOT EXISTS tagbot_ballots_closed (
            election text NOT NULL,
            receipt  text NOT NULL,
            ballot   text NOT NULL,
            PRIMARY KEY (election, receipt)
        );
        CREATE TABLE IF NOT EXISTS tagbot_dataprotection_keys (
            name text PRIMARY KEY,
            xml  text NOT NULL
        );
        CREATE TABLE IF NOT EXISTS tagbot_ballot_pages (
            election text PRIMARY KEY,
            view     text NOT NULL
        );
        """;
}
