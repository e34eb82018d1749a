using CompassionBot.Clinicians.Clients;

namespace CompassionBot.Clinicians.Console;

/// <summary>One entry of a client's timeline as the console lists it: when, and the session, check-in, safety event or link change.</summary>
internal sealed record TimelineItem(DateTimeOffset At, object Entry)
{
    /// <summary>Everything in <paramref name="timeline"/>, newest first.</summary>
    public static IReadOnlyList<TimelineItem> From(TimelineResponse timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return [.. timeline.Sessions.Select(s => new TimelineItem(s.StartedAt, s))
            .Concat(timeline.CheckIns.Select(c => new TimelineItem(c.SentAt, c)))
            .Concat(timeline.SafetyEvents.Select(e => new TimelineItem(e.OccurredAt, e)))
            .Concat(timeline.ConsentChanges.Select(c => new TimelineItem(c.At, c)))
            .OrderByDescending(i => i.At)];
    }
}
