using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>One showing of the practice menu (<see cref="PracticeMenu.For"/>).</summary>
/// <param name="Locale">The person's language.</param>
/// <param name="All">The whole menu (the person asked for more) rather than the short one.</param>
/// <param name="Buttons">The channel shows the choices as buttons, so the text does not list them again.</param>
/// <param name="Tried">The kinds of practice the person has tried (the short menu keeps a place for a new one).</param>
/// <param name="Resume">A practice paused in the middle, offered first to resume; null when none.</param>
public sealed record MenuRequest(string Locale, bool All, bool Buttons, IReadOnlySet<PracticeFamily> Tried, Practice? Resume);
