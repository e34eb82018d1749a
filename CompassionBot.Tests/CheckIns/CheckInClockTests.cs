using CompassionBot.CheckIns;

namespace CompassionBot.Tests.CheckIns;

public sealed class CheckInClockTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void ToInstant_SameLocalTimeAcrossSpringForward_KeepsLocalTimeAndChangesOffset()
    {
        // US daylight saving time began on Sunday 8 March 2026.
        var before = CheckInClock.ToInstant(new DateOnly(2026, 3, 6), new TimeOnly(18, 0), NewYork);
        var after = CheckInClock.ToInstant(new DateOnly(2026, 3, 9), new TimeOnly(18, 0), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 23, 0, 0, TimeSpan.Zero), before.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 22, 0, 0, TimeSpan.Zero), after.ToUniversalTime());
    }

    [Fact]
    public void ToInstant_SameLocalTimeAcrossFallBack_KeepsLocalTimeAndChangesOffset()
    {
        // US daylight saving time ended on Sunday 1 November 2026.
        var before = CheckInClock.ToInstant(new DateOnly(2026, 10, 30), new TimeOnly(18, 0), NewYork);
        var after = CheckInClock.ToInstant(new DateOnly(2026, 11, 2), new TimeOnly(18, 0), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 10, 30, 22, 0, 0, TimeSpan.Zero), before.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 23, 0, 0, TimeSpan.Zero), after.ToUniversalTime());
    }

    [Fact]
    public void ToInstant_LocalTimeSkippedBySpringForward_MovesForwardByTheGap()
    {
        var sut = CheckInClock.ToInstant(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 30, 0, TimeSpan.FromHours(-4)), sut);
    }

    [Fact]
    public void ToInstant_LocalTimeRepeatedByFallBack_IsFirstOccurrence()
    {
        var sut = CheckInClock.ToInstant(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), sut.ToUniversalTime());
    }

    [Theory]
    [InlineData(7, 0, 2026, 3, 10, 8, 0)]
    [InlineData(21, 0, 2026, 3, 11, 8, 0)]
    [InlineData(23, 30, 2026, 3, 11, 8, 0)]
    [InlineData(8, 0, 2026, 3, 10, 8, 0)]
    [InlineData(20, 59, 2026, 3, 10, 20, 59)]
    public void WithinWindow_LocalTime_MovesOutsideTimesToNextEightAm(int hour, int minute, int year, int month, int day, int dueHour, int dueMinute)
    {
        var instant = CheckInClock.ToInstant(new DateOnly(2026, 3, 10), new TimeOnly(hour, minute), NewYork);

        var sut = CheckInClock.WithinWindow(instant, NewYork);

        Assert.Equal(CheckInClock.ToInstant(new DateOnly(year, month, day), new TimeOnly(dueHour, dueMinute), NewYork), sut);
    }

    [Fact]
    public void WithinWindow_TimeZoneOnOtherSideOfTheWorld_UsesRecipientsLocalTime()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var utcNoon = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero); // 21:00 in Tokyo

        var sut = CheckInClock.WithinWindow(utcNoon, tokyo);

        Assert.Equal(new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.FromHours(9)), sut);
    }
}
