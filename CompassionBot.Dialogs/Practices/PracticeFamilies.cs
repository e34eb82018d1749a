using CompassionBot.Dialogs.Engagement;

namespace CompassionBot.Dialogs.Practices;

/// <summary>
/// The content keys of <see cref="PracticeFamily"/> values: lower case with dashes (<c>care-for-others</c>), as written
/// in practice files and in message keys such as <c>menu.family.care-for-others</c>.
/// </summary>
public static class PracticeFamilies
{
    private static readonly Dictionary<string, PracticeFamily> ByKey = Enum.GetValues<PracticeFamily>()
        .ToDictionary(Key, f => f, StringComparer.Ordinal);

    /// <summary>Every family, in declaration order.</summary>
    public static IReadOnlyList<PracticeFamily> All { get; } = Enum.GetValues<PracticeFamily>();

    /// <summary>The content key of <paramref name="family"/>, e.g. <c>care-for-others</c>.</summary>
    public static string Key(PracticeFamily family) => family switch
    {
        PracticeFamily.Meditative => "meditative",
        PracticeFamily.Imagery => "imagery",
        PracticeFamily.Somatic => "somatic",
        PracticeFamily.Writing => "writing",
        PracticeFamily.Action => "action",
        PracticeFamily.Gratitude => "gratitude",
        PracticeFamily.CareForOthers => "care-for-others",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown practice family."),
    };

    /// <summary>Parses a content key (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParse(string? key, out PracticeFamily family)
    {
        if (key is not null && ByKey.TryGetValue(key.Trim().ToLowerInvariant(), out var found))
        {
            family = found;
            return true;
        }

        family = default;
        return false;
    }
}
