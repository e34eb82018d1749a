namespace CompassionBot.Storage;

/// <summary>Where bot state and clinic records are kept (<c>Storage:Provider</c>).</summary>
internal enum StorageProvider
{
    /// <summary>One embedded SQLite file (the default; <c>ConnectionStrings:Sqlite</c>).</summary>
    Sqlite,

    /// <summary>In-process only; nothing survives a restart (tests, benchmarks).</summary>
    Memory,

    /// <summary>A shared PostgreSQL database, for several instances behind a load balancer (<c>ConnectionStrings:Postgres</c>).</summary>
    Postgres,
}
