using CompassionBot.Dialogs.Engagement;

namespace CompassionBot.Dialogs.Practices;

/// <summary>A practice in one language, as loaded from its content file.</summary>
/// <param name="Id">Practice id, the same in every locale (lower case, digits, dashes).</param>
/// <param name="Locale">The language of the texts (<c>en</c> or <c>es</c>).</param>
/// <param name="Title">Short title for menus.</param>
/// <param name="Family">The kind of practice.</param>
/// <param name="Minutes">Typical duration in minutes, 1 to 10.</param>
/// <param name="RateBefore">Whether the dialog asks for a 0–10 distress rating before the first step.</param>
/// <param name="RateAfter">Whether the dialog asks for a 0–10 distress rating after the last step.</param>
/// <param name="Summary">One sentence describing the practice (fits one GSM-7 SMS).</param>
/// <param name="Steps">The steps in the order they run; at least one.</param>
public sealed record Practice(
    string Id,
    string Locale,
    string Title,
    PracticeFamily Family,
    int Minutes,
    bool RateBefore,
    bool RateAfter,
    string Summary,
    IReadOnlyList<PracticeStep> Steps);
