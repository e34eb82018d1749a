using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Dialogs.Engine;

public sealed class DialogContextTests
{
    private sealed class AskingComponent : ComponentDialog
    {
        public AskingComponent() : base("component")
        {
            AddDialog(new WaterfallDialog<TestWaterfallState>(
                "inner",
                [
                    (step, ct) => step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = Activity.CreateMessage("Inner question") }, ct),
                    (step, ct) => step.EndDialogAsync(((PromptResult<string>)step.Result!).Value, ct),
                ],
                EngineTestJsonContext.Default.TestWaterfallState,
                _ => new TestWaterfallState(null, null, 0)));
            AddDialog(new TextPrompt(nameof(TextPrompt)));
        }
    }

    [Fact]
    public async Task ComponentDialog_InnerStackCompletes_ComponentEndsWithItsResult()
    {
        var sut = new DialogTestClient(new DialogSet().Add(new AskingComponent()), "component");

        Assert.Equal("Inner question", Assert.Single(await sut.SendAsync("hi")).Text);
        Assert.Equal(DialogTurnStatus.Waiting, sut.LastResult!.Status);
        await sut.SendAsync("an answer");

        Assert.Equal(DialogTurnStatus.Complete, sut.LastResult!.Status);
        Assert.Equal("an answer", sut.LastResult.Result);
    }

    [Fact]
    public async Task BeginDialog_UnknownId_Throws()
    {
        var sut = new DialogTestClient(new DialogSet(), "missing");

        await sut.SendAsync("hi");

        Assert.IsType<ArgumentException>(sut.LastError);
    }

    [Fact]
    public void DialogSet_Add_DuplicateId_Throws()
    {
        var sut = new DialogSet().Add(new TextPrompt("same"));

        Assert.Throws<ArgumentException>(() => sut.Add(new TextPrompt("same")));
    }
}
