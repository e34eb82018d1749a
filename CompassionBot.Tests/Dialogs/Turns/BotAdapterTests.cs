using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Tests.Dialogs.Turns;

/// <summary>The turn pipeline's own mechanics, with stand-in middleware, bot and error handler on in-memory state.</summary>
public sealed class BotAdapterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProcessActivityAsync_MiddlewareWithOrders_RunLowestFirstThenInRegistrationOrder()
    {
        var ran = new List<string>();
        var sut = Adapter(
            new Bot((_, _) => Task.CompletedTask),
            [new Recording("late", 5, ran), new Recording("channel", 0, ran), new Recording("late too", 5, ran)]);

        await sut.ProcessActivityAsync(Message("hi"), NoSender.Instance, Ct);

        Assert.Equal(["channel", "late", "late too"], ran);
    }

    [Fact]
    public async Task ProcessActivityAsync_TurnFails_ErrorHandlerSharesItsValuesAndSendHandlersAndObserversSeeTheErrorHandlersValues()
    {
        var observer = new Observer();
        var errorHandler = new ErrorHandler();
        var sut = Adapter(
            new Bot((_, _) => throw new InvalidOperationException("the bot broke")),
            [new Marking()],
            errorHandler,
            observer);

        var result = await sut.ProcessActivityAsync(Message("hi"), NoSender.Instance, Ct);

        Assert.True(result.Failed);
        Assert.Equal("set by the middleware", errorHandler.Found);
        Assert.Equal([ErrorHandler.Apology], result.Replies.Select(r => r.Text));
        Assert.Equal(["set by the error handler"], observer.Seen);
    }

    [Fact]
    public async Task SendActivityAsync_SendHandlerRefuses_NothingIsQueued()
    {
        var sut = new TurnContext(Message("hi"), NewState(), NoSender.Instance);
        sut.OnSendActivities((_, _, _) => throw new InvalidOperationException("refused"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.SendActivityAsync(Activity.CreateMessage("a reply"), Ct));

        Assert.Empty(sut.Replies);
    }

    [Fact]
    public async Task SendActivityAsync_SendHandlersLetItThrough_EachSeesTheAddressedReplyInTheOrderAdded()
    {
        var seen = new List<string>();
        var sut = new TurnContext(Message("hi"), NewState(), NoSender.Instance);
        sut.OnSendActivities((_, replies, next) => { seen.Add("first to " + replies[0].Recipient?.Id); return next(); });
        sut.OnSendActivities((_, replies, next) => { seen.Add("second to " + replies[0].Recipient?.Id); return next(); });

        await sut.SendActivityAsync(Activity.CreateMessage("a reply"), Ct);

        Assert.Equal(["first to user", "second to user"], seen);
        Assert.Equal("a reply", Assert.Single(sut.Replies).Text);
    }

    private static BotAdapter Adapter(ITurnHandler bot, IEnumerable<ITurnMiddleware> middleware, ITurnErrorHandler? errorHandler = null, ITurnObserver? observer = null) =>
        new(new BotStateStore(new MemoryStorage()), middleware, bot, errorHandler ?? new ErrorHandler(), new ConversationGate(), NullLogger<BotAdapter>.Instance, metrics: null, observers: observer is null ? [] : [observer]);

    private static TurnState NewState() => new(new StateDocument("c", null, null), new StateDocument("u", null, null));

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Id = "a1",
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "conversation" },
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
    };

    private sealed record Marker(string Value);

    private sealed class Bot(Func<ITurnContext, CancellationToken, Task> onTurn) : ITurnHandler
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) => onTurn(turnContext, cancellationToken);
    }

    private sealed class Recording(string name, int order, List<string> ran) : ITurnMiddleware
    {
        public int Order => order;

        public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> continueTurn, CancellationToken cancellationToken)
        {
            ran.Add(name);
            return continueTurn(cancellationToken);
        }
    }

    // Leaves a value for the parts after it, and refuses one reply text in this turn (and so in its error handler's).
    private sealed class Marking : ITurnMiddleware
    {
        public const string Refused = "a refused reply";

        public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> continueTurn, CancellationToken cancellationToken)
        {
            turnContext.Values.Set(new Marker("set by the middleware"));
            turnContext.OnSendActivities((_, replies, next) =>
                replies.Any(r => r.Text == Refused) ? throw new InvalidOperationException("refused") : next());
            return continueTurn(cancellationToken);
        }
    }

    private sealed class ErrorHandler : ITurnErrorHandler
    {
        public const string Apology = "sorry";

        public string? Found { get; private set; }

        public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
        {
            Found = turnContext.Values.Get<Marker>()?.Value;
            turnContext.Values.Set(new Marker("set by the error handler"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => turnContext.SendActivityAsync(Activity.CreateMessage(Marking.Refused), cancellationToken));
            await turnContext.SendActivityAsync(Activity.CreateMessage(Apology), cancellationToken);
        }
    }

    private sealed class Observer : ITurnObserver
    {
        public List<string?> Seen { get; } = [];

        public void OnTurnEnded(ITurnContext turnContext, System.Diagnostics.Activity? span) => Seen.Add(turnContext.Values.Get<Marker>()?.Value);
    }
}
