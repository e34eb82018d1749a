using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>Checks what data annotations cannot: secret length, signing key size, origin format.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    internal const int MinimumSecretLength = 32;
    internal const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Secrets.Any(s => string.IsNullOrWhiteSpace(s) || s.Length < MinimumSecretLength))
        {
            failures.Add($"DirectLine:Secrets: every secret must be at least {MinimumSecretLength} characters.");
        }

        if (!string.IsNullOrEmpty(options.TokenSigningKey) && !IsStrongKey(options.TokenSigningKey))
        {
            failures.Add($"DirectLine:TokenSigningKey must be base64 of at least {MinimumKeyBytes} bytes.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (!IsOrigin(origin))
            {
                failures.Add($"DirectLine:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port], no path).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsStrongKey(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written >= MinimumKeyBytes;
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/"
        && !value.EndsWith('/')
        && string.IsNullOrEmpty(uri.Query);
}
