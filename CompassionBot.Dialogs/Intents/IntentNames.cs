using System.Collections.Frozen;

namespace CompassionBot.Dialogs.Intents;

/// <summary>The names intents have in content files and evaluation sets: <c>not-helping</c>, <c>about-bot</c>, …</summary>
public static class IntentNames
{
    private static readonly FrozenDictionary<Intent, string> NameOf = Enum.GetValues<Intent>().ToFrozenDictionary(i => i, Kebab);
    private static readonly FrozenDictionary<string, Intent> IntentOf = NameOf.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every intent's name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<Intent>().Select(i => NameOf[i])];

    /// <summary>The name of <paramref name="intent"/>: <see cref="Intent.NotHelping"/> → <c>not-helping</c>.</summary>
    public static string Name(Intent intent) => NameOf[intent];

    /// <summary>The intent named <paramref name="name"/>, if any.</summary>
    public static bool TryParse(string? name, out Intent intent) => IntentOf.TryGetValue(name ?? string.Empty, out intent);

    private static string Kebab(Intent intent) =>
        string.Concat(intent.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
