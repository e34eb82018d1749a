using System.Collections;
using System.Reflection;
using CompassionBot.BotFramework;
using CompassionBot.Dialogs.Bot;

namespace CompassionBot.Tests.Deployment;

/// <summary>
/// The configuration keys the service reads, derived from its code: every options type with a <c>SectionName</c>
/// constant in CompassionBot and CompassionBot.Dialogs contributes <c>Section:Property</c> for each bindable property
/// (nested option objects recursively, e.g. <c>Sms:Twilio:AuthToken</c>), and every <c>…ConnectionStringName</c>
/// constant contributes <c>ConnectionStrings:&lt;name&gt;</c>. <see cref="BotFrameworkOptions"/> is bound from the
/// configuration root (Azure App Service's key names, <c>MicrosoftAppId</c>) and is listed there.
/// </summary>
internal static class AppConfigurationKeys
{
    private static readonly Assembly[] AppAssemblies = [typeof(BotFrameworkOptions).Assembly, typeof(ClinicOptions).Assembly];

    /// <summary>Every key, in configuration form (<c>Sms:Twilio:AuthToken</c>), with its property.</summary>
    public static IReadOnlyList<AppConfigurationKey> All { get; } = Derive();

    private static List<AppConfigurationKey> Derive()
    {
        var keys = new List<AppConfigurationKey>();
        foreach (var type in AppAssemblies.SelectMany(a => a.GetTypes()))
        {
            if (ConstantString(type, "SectionName") is { } section)
            {
                var prefix = type == typeof(BotFrameworkOptions) ? string.Empty : section + ":";
                AddProperties(type, prefix, keys);
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (field.IsLiteral && field.FieldType == typeof(string) && field.Name.EndsWith("ConnectionStringName", StringComparison.Ordinal))
                {
                    keys.Add(new AppConfigurationKey("ConnectionStrings:" + (string)field.GetRawConstantValue()!, typeof(string), IsCollection: false));
                }
            }
        }

        return keys.DistinctBy(k => k.Key, StringComparer.OrdinalIgnoreCase).OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
    }

    private static void AddProperties(Type type, string prefix, List<AppConfigurationKey> keys)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyType = property.PropertyType;
            var isCollection = propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType);
            var settable = property.SetMethod?.IsPublic == true;
            if (!settable && !isCollection)
            {
                continue; // computed (IsLocalMode, Enabled, ResolvedRootPath, ...): not bound
            }

            var key = prefix + property.Name;
            if (!isCollection && propertyType.IsClass && AppAssemblies.Contains(propertyType.Assembly))
            {
                AddProperties(propertyType, key + ":", keys);
                continue;
            }

            keys.Add(new AppConfigurationKey(key, propertyType, isCollection));
        }
    }

    private static string? ConstantString(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } field
            && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;
}
