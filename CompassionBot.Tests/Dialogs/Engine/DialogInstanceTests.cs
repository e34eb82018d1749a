using System.Text.Json;
using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Engine;

namespace CompassionBot.Tests.Dialogs.Engine;

public sealed class DialogInstanceTests
{
    [Fact]
    public void SetState_ThenSerialiseAndLoad_ReadsTheSameState()
    {
        var sut = new DialogInstance { Id = "test" };
        sut.SetState(new TestWaterfallState(7, "b", 3), EngineTestJsonContext.Default.TestWaterfallState);
        var stack = new DialogState { DialogStack = [sut, new DialogInstance { Id = "no-state" }] };

        var json = JsonSerializer.Serialize(stack, BotStateJsonContext.Default.DialogState);
        var loaded = JsonSerializer.Deserialize(json, BotStateJsonContext.Default.DialogState)!;

        Assert.Equal(new TestWaterfallState(7, "b", 3), loaded.DialogStack[0].GetState(EngineTestJsonContext.Default.TestWaterfallState));
        Assert.False(loaded.DialogStack[1].HasState);
    }

    [Fact]
    public void Serialise_LoadedStateNeverRead_IsWrittenBackUnchanged()
    {
        const string Json = """{"dialogStack":[{"id":"a","state":{"Rating":1,"Unknown":[true]}}]}""";

        var loaded = JsonSerializer.Deserialize(Json, BotStateJsonContext.Default.DialogState)!;

        Assert.Equal(Json, JsonSerializer.Serialize(loaded, BotStateJsonContext.Default.DialogState));
    }

    [Fact]
    public void GetState_NoState_Throws()
    {
        var sut = new DialogInstance { Id = "empty" };

        Assert.Throws<InvalidOperationException>(() => sut.GetState(EngineTestJsonContext.Default.TestWaterfallState));
    }
}
