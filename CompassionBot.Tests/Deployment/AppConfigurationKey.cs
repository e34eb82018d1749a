namespace CompassionBot.Tests.Deployment;

/// <summary>
/// A configuration key the service reads (<c>Sms:Twilio:AuthToken</c>), the type it binds to, and whether it is a list or
/// dictionary (set as <c>Key__0</c> or <c>Key__name</c>).
/// </summary>
internal sealed record AppConfigurationKey(string Key, Type Type, bool IsCollection)
{
    /// <summary>The App Service (Linux) app setting name: <c>__</c> for <c>:</c>.</summary>
    public string SettingName => Key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="settings"/> set this key (for a collection: at least one element).</summary>
    public bool IsProvidedBy(IEnumerable<string> settings) =>
        settings.Any(name => IsCollection
            ? name.StartsWith(SettingName + "__", StringComparison.OrdinalIgnoreCase)
            : string.Equals(name, SettingName, StringComparison.OrdinalIgnoreCase));
}
