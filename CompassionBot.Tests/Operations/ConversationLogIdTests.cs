using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Tests.Operations;

public sealed class ConversationLogIdTests
{
    [Theory]
    [InlineData("+14155552671")]
    [InlineData("+1 (415) 555-2671")]
    [InlineData("+14155552671|+14155550100")]
    public void ToString_PhoneNumberConversationId_IsAStablePseudonymWithoutTheDigits(string conversationId)
    {
        ConversationLogId sut = conversationId;

        var logged = sut.ToString();

        Assert.StartsWith("pseudonym:", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("5552671", logged, StringComparison.Ordinal);
        Assert.Equal(logged, ConversationLogId.FromString(conversationId).ToString());
    }

    [Theory]
    [InlineData("a:1pL6kXq-z_Teams")]
    [InlineData("19:meeting_abc@thread.v2")]
    [InlineData("7Xb3kQ9mZ1aR")]
    [InlineData("metrics-3f1234567ab94c0e")]
    public void ToString_OpaqueConversationId_IsUnchanged(string conversationId)
    {
        ConversationLogId sut = conversationId;

        Assert.Equal(conversationId, sut.ToString());
    }
}
