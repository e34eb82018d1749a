using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Transcripts;

/// <summary>
/// Replays every <c>Transcripts/**/*.chat</c> file through the real pipeline. A file is a conversation spec a
/// clinician can review: <c>User:</c> lines are sent (<c>User: &lt;join&gt;</c> is the person joining,
/// <c>User: &lt;return&gt;</c> the same person coming back another day: a new conversation, joined), each
/// <c>Bot:</c> line must match the next reply (text, line breaks as <c>\n</c>, suggested actions as
/// <c> [a | b]</c>; a trailing <c>...</c> matches any rest). Header comments set <c># channel:</c> and <c># locale:</c>.
/// Each file is a new person (its own user id), so profiles and language choices never leak between files.
/// </summary>
public sealed class TranscriptTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory _factory;

    public TranscriptTests(BotApplicationFactory factory) => _factory = factory;

    public static TheoryData<string> Files()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Transcripts");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.chat", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Replay_Transcript_BotRepliesMatch(string file)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Transcripts", file), TestContext.Current.CancellationToken);
        var userId = "user-" + Guid.NewGuid().ToString("N");
        var sut = new TestConversation(_factory.Services, Header(lines, "channel") ?? "test", Header(lines, "locale") ?? "en-US", userId: userId);
        var pending = new Queue<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("User:", StringComparison.Ordinal))
            {
                Assert.True(pending.Count == 0, $"{file}:{i + 1}: unexpected extra replies before this line: {string.Join(" // ", pending)}");
                var text = line["User:".Length..].Trim();
                if (text == "<return>")
                {
                    sut = new TestConversation(_factory.Services, sut.ChannelId, sut.Locale, userId: userId);
                }

                var replies = text is "<join>" or "<return>"
                    ? await sut.JoinAsync(TestContext.Current.CancellationToken)
                    : await sut.SendAsync(text, TestContext.Current.CancellationToken);
                foreach (var reply in replies)
                {
                    pending.Enqueue(TestConversation.Render(reply));
                }
            }
            else if (line.StartsWith("Bot:", StringComparison.Ordinal))
            {
                var expected = line["Bot:".Length..].Trim();
                Assert.True(pending.Count > 0, $"{file}:{i + 1}: expected a reply '{expected}' but the bot said nothing more");
                var actual = pending.Dequeue();
                var matches = expected.EndsWith("...", StringComparison.Ordinal)
                    ? actual.StartsWith(expected[..^3], StringComparison.Ordinal)
                    : actual == expected;
                Assert.True(matches, $"{file}:{i + 1}:\n expected: {expected}\n   actual: {actual}");
            }
        }

        Assert.True(pending.Count == 0, $"{file}: unexpected replies at the end: {string.Join(" // ", pending)}");
    }

    private static string? Header(string[] lines, string name) =>
        lines.Where(l => l.StartsWith("# " + name + ":", StringComparison.Ordinal)).Select(l => l[(name.Length + 3)..].Trim()).FirstOrDefault();
}
