using System.Diagnostics;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Terminal;

/// <summary>
/// <c>dotnet CompassionBot.dll chat</c> as a person uses it: the real executable with lines on its standard input, a
/// temporary SQLite file, and what it prints.
/// </summary>
public sealed class ChatVerbTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("compassionbot-chat-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Chat_NumberFromTheMenu_StartsThatPracticeAndTheMenuIsListedOnce()
    {
        var output = await ChatAsync("3", "exit");

        Assert.Contains("Bot: Hi, I'm CompassionBot", output, StringComparison.Ordinal);
        Assert.Single(Lines(output), line => line.Contains("Soothing Touch", StringComparison.Ordinal) && !line.StartsWith("Bot: Let's begin", StringComparison.Ordinal));
        Assert.Contains("     3) Soothing Touch", output, StringComparison.Ordinal);
        Assert.Contains("Bot: Let's begin: Soothing Touch (2 min).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_StepWithOptions_ListsThemNumberedAndANumberPicksOne()
    {
        var output = await ChatAsync("Loving-Kindness Phrases", "4", "1", "exit");

        Assert.Contains("     1) Next", output, StringComparison.Ordinal);
        Assert.Contains("Bot: Picture someone who makes you smile", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_CrisisMessage_GetsTheReferralFirst()
    {
        var output = await ChatAsync("Self-Compassion Break", "I want to kill myself", "exit");

        var afterCrisis = output[output.IndexOf("Before we start", StringComparison.Ordinal)..];
        Assert.Contains("988", afterCrisis, StringComparison.Ordinal);
        Assert.DoesNotContain("Bring to mind something", afterCrisis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_SecondRun_ContinuesAtTheSameStepFromTheSqliteFile()
    {
        await ChatAsync("Self-Compassion Break", "6", "exit");

        var output = await ChatAsync("next", "exit");

        Assert.Contains("Bot: Now say to yourself, quietly", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "chat.db")));
    }

    private static string[] Lines(string output) => output.Split('\n');

    private async Task<string> ChatAsync(params string[] lines)
    {
        var executable = ServiceProcess.LocateExecutable();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(executable);
        start.ArgumentList.Add("chat");
        start.Environment["ConnectionStrings__Sqlite"] = "Data Source=" + Path.Combine(_folder, "chat.db");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        foreach (var line in lines)
        {
            await process.StandardInput.WriteLineAsync(line);
        }

        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{output}\n{await stderr}");
        return output;
    }
}
