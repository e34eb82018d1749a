using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CompassionBot.Tests.Deployment;

/// <summary>
/// A <c>bicep snapshot</c>: the resources a deployment would create, with every expression the compiler can evaluate
/// evaluated. Values known only at deployment time stay ARM expressions (<c>[format(...)]</c>, <c>[reference(...)]</c>).
/// </summary>
internal sealed partial class DeploymentSnapshot
{
    private DeploymentSnapshot(string text, IReadOnlyList<JsonObject> resources)
    {
        Text = text;
        Resources = resources;
    }

    /// <summary>The snapshot as written.</summary>
    public string Text { get; }

    /// <summary>The predicted resources.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>The one web app's properties.</summary>
    public JsonObject Site => Single("Microsoft.Web/sites")["properties"]!.AsObject();

    /// <summary>The web app's settings in order, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AppSettings =>
        Site["siteConfig"]!["appSettings"]!.AsArray()
            .Select(s => KeyValuePair.Create((string)s!["name"]!, (string)s["value"]!))
            .ToList();

    /// <summary>Reads a snapshot file.</summary>
    public static DeploymentSnapshot Load(string path)
    {
        var text = File.ReadAllText(path);
        var resources = JsonNode.Parse(text)!["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        return new DeploymentSnapshot(text, resources);
    }

    /// <summary>The one resource of <paramref name="type"/>.</summary>
    public JsonObject Single(string type) => Resources.Single(r => (string?)r["type"] == type);

    /// <summary>The resources of <paramref name="type"/>.</summary>
    public IEnumerable<JsonObject> OfType(string type) => Resources.Where(r => (string?)r["type"] == type);

    /// <summary>
    /// The secret name when <paramref name="value"/> is an App Service Key Vault reference
    /// (<c>@Microsoft.KeyVault(SecretUri=https://vault/secrets/name/)</c>, literal or still an ARM <c>format</c>); else null.
    /// </summary>
    public static string? KeyVaultSecretName(string value)
    {
        var literal = LiteralReference().Match(value);
        if (literal.Success)
        {
            return literal.Groups["name"].Value;
        }

        var formatted = FormattedReference().Match(value);
        return formatted.Success ? formatted.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=https://[^/]+/secrets/(?<name>[0-9A-Za-z-]+)/?\)$")]
    private static partial Regex LiteralReference();

    // [format('@Microsoft.KeyVault(SecretUri=https://{0}{1}/secrets/{2}/)', 'vault', environment().suffixes.keyvaultDns, 'name')]
    [GeneratedRegex(@"^\[format\('@Microsoft\.KeyVault\(SecretUri=https://\{0\}\{1\}/secrets/\{2\}/\)', '[0-9A-Za-z-]+', environment\(\)\.suffixes\.keyvaultDns, '(?<name>[0-9A-Za-z-]+)'\)\]$")]
    private static partial Regex FormattedReference();
}
