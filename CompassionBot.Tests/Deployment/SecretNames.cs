using System.Text.RegularExpressions;

namespace CompassionBot.Tests.Deployment;

/// <summary>
/// Which setting and parameter names denote secrets: any part of the name (split at <c>__</c>, <c>_</c>, <c>:</c>,
/// <c>-</c>) whose last word is password, secret, key or token (plural too), or any name that mentions a connection
/// (string). The last word, so that <c>DirectLine__EnableDemoTokenEndpoint</c> or <c>keyVaultName</c> are not secrets but
/// <c>DirectLine__TokenSigningKey</c>, <c>Clinic__ApiKeys__dr-lee</c> and <c>postgresAdministratorPassword</c> are.
/// </summary>
internal static partial class SecretNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwords", "pwd", "secret", "secrets", "key", "keys", "token", "tokens",
    };

    /// <summary>Whether <paramref name="name"/> names a secret.</summary>
    public static bool IsSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains("connection", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return name.Split(['_', ':', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => Words().Matches(part).LastOrDefault()?.Value)
            .Any(word => word is not null && SecretWords.Contains(word));
    }

    // PascalCase, camelCase and UPPER_CASE words; digits separate words (adminPassword2 ends in "Password").
    [GeneratedRegex("[A-Z]?[a-z]+|[A-Z]+(?![a-z])")]
    private static partial Regex Words();
}
