namespace CompassionBot.Clinicians.Clients;

/// <summary>A practice session of a linked client.</summary>
/// <param name="PracticeId">The practice.</param>
/// <param name="Family">Its family (<c>meditative</c>, <c>somatic</c>, …).</param>
/// <param name="ChannelId">The channel it ran on.</param>
/// <param name="StartedAt">When it began.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="Outcome"><c>completed</c>, <c>abandoned</c> or <c>not-resonating</c>.</param>
/// <param name="DistressBefore">0–10 before, if given.</param>
/// <param name="DistressAfter">0–10 after, if given.</param>
/// <param name="Resonance"><c>helpful</c>, <c>neutral</c> or <c>not-for-me</c>, if said.</param>
/// <param name="Signals">Engagement signals seen (names such as <c>skip</c>, <c>minimal-reply</c>).</param>
/// <param name="Obstacle">What the client said got in the way when asked after this session (<c>too-long</c>,
/// <c>not-in-the-mood</c>, <c>wrong-kind</c>, <c>something-else</c>), if asked.</param>
public sealed record PracticeSessionEntry(
    string PracticeId,
    string Family,
    string ChannelId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Outcome,
    int? DistressBefore,
    int? DistressAfter,
    string? Resonance,
    IReadOnlyList<string> Signals,
    string? Obstacle);
