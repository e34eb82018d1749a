using System.Runtime.CompilerServices;
using Dapper;

namespace CompassionBot.Storage.Relational;

/// <summary>How Dapper maps the clinic tables' columns onto row types, set once when this assembly loads.</summary>
internal static class DapperConventions
{
    /// <summary>Columns are snake_case (<c>occurred_at</c>), row properties PascalCase (<c>OccurredAt</c>).</summary>
    [ModuleInitializer]
    internal static void Apply() => DefaultTypeMap.MatchNamesWithUnderscores = true;
}
