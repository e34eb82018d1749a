using CompassionBot.CheckIns;

namespace CompassionBot.Tests.CheckIns;

public sealed class ScheduleCommandRecognizerTests
{
    [Theory]
    [InlineData("pause for a week", 7)]
    [InlineData("Pause for 2 weeks", 14)]
    [InlineData("pause check-ins for 3 days", 3)]
    [InlineData("pausa por una semana", 7)]
    public void Recognize_Pause_IsPauseForDuration(string text, int days)
    {
        var sut = ScheduleCommandRecognizer.Recognize(text);

        Assert.Equal(TimeSpan.FromDays(days), sut?.PauseFor);
    }

    [Theory]
    [InlineData("change my time to 7pm", 19, 0)]
    [InlineData("Change my time to 7:30 p.m.", 19, 30)]
    [InlineData("change time to 19:00", 19, 0)]
    [InlineData("change my time to 9 am", 9, 0)]
    [InlineData("cambia mi hora a las 18:30", 18, 30)]
    public void Recognize_ChangeTime_IsNewTime(string text, int hour, int minute)
    {
        var sut = ScheduleCommandRecognizer.Recognize(text);

        Assert.Equal(new TimeOnly(hour, minute), sut?.NewTime);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("I need a pause from my week")]
    [InlineData("what time is it")]
    public void Recognize_OtherText_IsNull(string text) => Assert.Null(ScheduleCommandRecognizer.Recognize(text));
}
