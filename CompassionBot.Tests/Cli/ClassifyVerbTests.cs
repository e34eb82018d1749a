using CompassionBot.Cli;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Cli;

public sealed class ClassifyVerbTests
{
    [Fact]
    public async Task RunAsync_OneMessagePerLine_WritesOneJsonObjectPerLine()
    {
        using var input = new StringReader("I want to kill myself\n\nI feel hopeless\nme muero de risa\n“quiero morir”");
        await using var output = new StringWriter();

        var exitCode = await ClassifyVerb.RunAsync(input, output, SafetyContent.Detector, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                """{"risk":"crisis","rules":["ideation.active"]}""",
                """{"risk":"none","rules":[]}""",
                """{"risk":"concern","rules":["hopelessness"]}""",
                """{"risk":"none","rules":[]}""",
                """{"risk":"crisis","rules":["ideation.active"]}""",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
