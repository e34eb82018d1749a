using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Dialogs.Engine;

public sealed class DialogContextTests
{
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
