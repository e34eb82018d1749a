using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Conversation;

public sealed class RoutineRepliesTests
{
    [Theory]
    [InlineData("7")]
    [InlineData("7/10")]
    [InlineData("seven")]
    [InlineData("siete de 10")]
    [InlineData("yes")]
    [InlineData("sí")]
    [InlineData("Next")]
    [InlineData("menu")]
    [InlineData("Self-Compassion Break")]
    [InlineData("Corazón o mejilla")]
    [InlineData("Helpful")]
    [InlineData("Me ayudó")]
    [InlineData("honestly this is not for me")]
    [InlineData("more")]
    public void IsRoutine_WholeRoutineReply_IsTrue(string text) => Assert.True(SafetyContent.Routine.IsRoutine(text));

    [Theory]
    [InlineData("7, and I want to die")]
    [InlineData("yes I have the pills right here")]
    [InlineData("this isn't helping, nothing ever helps and I'm done with everything")]
    [InlineData("💊💊💊")]
    [InlineData("11")]
    [InlineData("I just want to sleep and not wake up")]
    public void IsRoutine_AnythingMore_IsFalse(string text) => Assert.False(SafetyContent.Routine.IsRoutine(text));
}
