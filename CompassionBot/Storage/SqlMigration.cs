using System.Globalization;
using System.Reflection;

namespace CompassionBot.Storage;

/// <summary>One versioned schema change: an SQL script embedded in this assembly.</summary>
/// <param name="Version">Positive, unique per provider; migrations run in ascending order.</param>
/// <param name="Name">File name without the extension, e.g. <c>0001_bot_state</c>.</param>
/// <param name="Sql">The script (may hold several statements).</param>
internal sealed record SqlMigration(int Version, string Name, string Sql)
{
    /// <summary>
    /// Loads the embedded scripts whose logical resource name starts with <paramref name="prefix"/> and is shaped
    /// <c>{prefix}NNNN_description.sql</c>, ordered by version.
    /// </summary>
    /// <exception cref="InvalidOperationException">A name is malformed or two scripts share a version.</exception>
    public static IReadOnlyList<SqlMigration> LoadEmbedded(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var migrations = new List<SqlMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var separator = name.IndexOf('_', StringComparison.Ordinal);
            if (!resource.EndsWith(".sql", StringComparison.Ordinal)
                || separator <= 0
                || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                || version <= 0)
            {
                throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_description.sql with a positive version.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Migration '{resource}' cannot be read.");
            using var reader = new StreamReader(stream);
            migrations.Add(new SqlMigration(version, name, reader.ReadToEnd()));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", duplicate.Select(m => m.Name))} share version {duplicate.Key}.");
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }
}
