using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Conversation;

/// <summary>The one turn-error handler in the real bot: a turn that throws mid-practice.</summary>
public sealed class TurnErrorTests
{
    private const string FailingText = "this message breaks the turn";
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TurnThrowsMidPractice_ApologisesResetsTheDialogsAndLogsIdsWithoutText()
    {
        var logs = new CollectingLoggerProvider();
        await using var factory = new BotApplicationFactory(null, services =>
        {
            services.AddSingleton<ITurnMiddleware, FailingMiddleware>();
            services.AddSingleton<ILoggerProvider>(logs);
        });
        var sut = new TestConversation(factory.Services, "test", "en-US");
        await sut.SendAsync("menu", Ct);
        await sut.SendAsync("Self-Compassion Break", Ct);

        var failed = await sut.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Id = "broken-1", Text = FailingText }, Ct);
        var next = await sut.SendAsync("6", Ct);

        Assert.Equal([Messages.Get("error.turn", "en")], failed.Select(r => r.Text));
        Assert.StartsWith(Messages.Get("menu.intro", "en"), next[0].Text, StringComparison.Ordinal);
        var logged = Assert.Single(logs.Entries, e => e.EventId.Id == 1002);
        Assert.Contains("broken-1", logged.Message, StringComparison.Ordinal);
        Assert.Contains(sut.Conversation.Id!, logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingText, logged.Message, StringComparison.Ordinal);
    }

    // Lets the bot run the turn (so the dialog moves on in memory), then fails it.
    private sealed class FailingMiddleware : ITurnMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> continueTurn, CancellationToken cancellationToken)
        {
            await continueTurn(cancellationToken);
            if (turnContext.Activity.Text == FailingText)
            {
                throw new InvalidOperationException("a failure in the middle of a turn");
            }
        }
    }
}
