using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Tests.Safety;

public sealed class ConcernStreakTests
{
    [Fact]
    public void Observe_OneConcern_AsksGently()
    {
        var sut = ConcernStreak.Empty;

        Assert.Equal(SafetyCheck.Gentle, sut.Observe(RiskLevel.Concern).Check);
    }

    [Fact]
    public void Observe_TwoConcernsInARow_AsksDirectly()
    {
        var sut = ConcernStreak.Empty.Observe(RiskLevel.Concern);

        Assert.Equal(SafetyCheck.Direct, sut.Observe(RiskLevel.Concern).Check);
        Assert.Equal(SafetyCheck.Direct, sut.Observe(RiskLevel.Concern).Observe(RiskLevel.Concern).Check);
    }

    [Theory]
    [InlineData(RiskLevel.None)]
    [InlineData(RiskLevel.Crisis)]
    public void Observe_ConcernBrokenByOtherLevel_StartsAgain(RiskLevel between)
    {
        var sut = ConcernStreak.Empty.Observe(RiskLevel.Concern).Observe(between);

        Assert.Equal(SafetyCheck.None, sut.Check);
        Assert.Equal(SafetyCheck.Gentle, sut.Observe(RiskLevel.Concern).Check);
    }
}
