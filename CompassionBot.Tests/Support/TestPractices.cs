using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;

namespace CompassionBot.Tests.Support;

/// <summary>Small practices and session records for recommender tests.</summary>
internal static class TestPractices
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public static Practice Make(string id, PracticeFamily family, int minutes = 5) =>
        new(id, "en", id, family, minutes, false, false, "A practice.", [new PracticeStep("one", "Breathe.", null, StepPromptKind.None, [], false)]);

    public static PracticeSessionRecord Session(Practice practice, Resonance? resonance = null, SessionOutcome outcome = SessionOutcome.Completed, int? before = null, int? after = null) =>
        new(practice.Id, practice.Family, Start, before, after, resonance, outcome, []);

    public static UserProfile Profile(params PracticeSessionRecord[] sessions) => new() { History = sessions };
}
