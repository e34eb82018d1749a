using System.Text.Json;
using CompassionBot.Dialogs.State;
using CompassionBot.Tests.Dialogs.Engine;

namespace CompassionBot.Tests.Dialogs.State;

public sealed class StateDocumentTests
{
    private const string Loaded = """{"kept":{"rating":3,"choice":"caf\u00e9","stepsRun":1,"extra":[1,2]},"changed":{"rating":1,"stepsRun":0}}""";

    [Fact]
    public void ToJson_UntouchedProperty_IsCopiedAsLoaded()
    {
        var sut = new StateDocument("emulator/conversations/c1", Loaded, "e1");
        sut.Set("changed", new TestWaterfallState(9, null, 2), EngineTestJsonContext.Default.TestWaterfallState);

        using var written = JsonDocument.Parse(sut.ToJson());

        Assert.Equal("""{"rating":3,"choice":"caf\u00e9","stepsRun":1,"extra":[1,2]}""", written.RootElement.GetProperty("kept").GetRawText());
        Assert.Equal(9, written.RootElement.GetProperty("changed").GetProperty("Rating").GetInt32());
        Assert.True(sut.IsDirty);
    }

    [Fact]
    public void Get_AfterSet_ReturnsTheValueSet()
    {
        var sut = new StateDocument("emulator/conversations/c1", Loaded, "e1");
        var value = new TestWaterfallState(4, "x", 1);

        sut.Set("changed", value, EngineTestJsonContext.Default.TestWaterfallState);

        Assert.Equal(value, sut.Get("changed", EngineTestJsonContext.Default.TestWaterfallState));
    }

    [Fact]
    public void Get_LoadedProperty_ReadsItWithoutMarkingTheDocumentChanged()
    {
        var sut = new StateDocument("emulator/conversations/c1", """{"p":{"Rating":5,"Choice":"a","StepsRun":2}}""", "e1");

        var value = sut.Get("p", EngineTestJsonContext.Default.TestWaterfallState);

        Assert.Equal(new TestWaterfallState(5, "a", 2), value);
        Assert.False(sut.IsDirty);
    }

    [Fact]
    public void Get_NullOrMissingProperty_ReturnsDefault()
    {
        var sut = new StateDocument("emulator/conversations/c1", """{"p":null}""", "e1");

        Assert.Null(sut.Get("p", EngineTestJsonContext.Default.TestWaterfallState));
        Assert.Null(sut.Get("missing", EngineTestJsonContext.Default.TestWaterfallState));
    }

    [Fact]
    public void Remove_ThenToJson_LeavesThePropertyOut()
    {
        var sut = new StateDocument("emulator/conversations/c1", Loaded, "e1");

        sut.Remove("kept");

        using var written = JsonDocument.Parse(sut.ToJson());
        Assert.False(written.RootElement.TryGetProperty("kept", out _));
        Assert.True(written.RootElement.TryGetProperty("changed", out _));
        Assert.True(sut.IsDirty);
    }
}
