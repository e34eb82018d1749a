using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CompassionBot.DirectLine;

/// <summary>
/// The HMAC key that signs Direct Line tokens: from configuration, or generated once and kept in a file so tokens
/// survive a restart.
/// </summary>
internal sealed partial class DirectLineSigningKey
{
    private const int GeneratedKeyBytes = 32;

    public DirectLineSigningKey(IOptions<DirectLineOptions> options, ILogger<DirectLineSigningKey> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var bytes = string.IsNullOrEmpty(value.TokenSigningKey)
            ? LoadOrCreate(value.SigningKeyPath, logger)
            : Convert.FromBase64String(value.TokenSigningKey);
        Key = new SymmetricSecurityKey(bytes) { KeyId = "directline" };
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] LoadOrCreate(string path, ILogger logger)
    {
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            return Convert.FromBase64String(File.ReadAllText(fullPath).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var key = RandomNumberGenerator.GetBytes(GeneratedKeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(fullPath, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another instance created it first: use theirs so both sign alike.
            return Convert.FromBase64String(File.ReadAllText(fullPath).Trim());
        }

        LogKeyGenerated(logger);
        return key;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Generated a new Direct Line token signing key")]
    private static partial void LogKeyGenerated(ILogger logger);
}
