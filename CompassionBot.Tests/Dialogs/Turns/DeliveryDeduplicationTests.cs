using System.Text.Json;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Dialogs.Turns;

/// <summary>Which deliveries <see cref="BotAdapter"/> recognises as repeats, on in-memory state with a fake clock.</summary>
public sealed class DeliveryDeduplicationTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryStorage _storage = new();
    private readonly CountingBot _bot = new();
    private readonly CountingSender _sender = new();
    private readonly BotAdapter _sut;

    public DeliveryDeduplicationTests() =>
        _sut = new BotAdapter(
            new BotStateStore(_storage), [], _bot, new RethrowingErrorHandler(), new ConversationGate(), NullLogger<BotAdapter>.Instance,
            deduplication: new DeliveryDeduplication(Window, _time));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProcessActivityAsync_SameIdAgain_RunsOnceAndSendsNothingNew()
    {
        var first = await _sut.ProcessActivityAsync(Message("a1"), _sender, Ct);
        var again = await _sut.ProcessActivityAsync(Message("a1"), _sender, Ct);

        Assert.Equal(1, _bot.Turns);
        Assert.Equal(1, _sender.Calls);
        Assert.False(first.IsRepeat);
        Assert.True(again.IsRepeat);
        Assert.Empty(again.Replies);
    }

    [Fact]
    public async Task ProcessActivityAsync_SameIdAgainWithExpectReplies_ReturnsTheFirstReplies()
    {
        var first = await _sut.ProcessActivityAsync(Message("a1") with { DeliveryMode = DeliveryModes.ExpectReplies }, _sender, Ct);
        var again = await _sut.ProcessActivityAsync(Message("a1") with { DeliveryMode = DeliveryModes.ExpectReplies }, _sender, Ct);

        Assert.Equal(1, _bot.Turns);
        Assert.Equal(["turn 1"], first.Replies.Select(r => r.Text));
        Assert.Equal(["turn 1"], again.Replies.Select(r => r.Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_EarlierActivityAgainWithExpectReplies_DoesNotRunAndGetsNothingNew()
    {
        await _sut.ProcessActivityAsync(Message("a1") with { DeliveryMode = DeliveryModes.ExpectReplies }, _sender, Ct);
        await _sut.ProcessActivityAsync(Message("a2") with { DeliveryMode = DeliveryModes.ExpectReplies }, _sender, Ct);

        var again = await _sut.ProcessActivityAsync(Message("a1") with { DeliveryMode = DeliveryModes.ExpectReplies }, _sender, Ct);

        Assert.Equal(2, _bot.Turns);
        Assert.True(again.IsRepeat);
        Assert.Empty(again.Replies);
    }

    [Fact]
    public async Task ProcessActivityAsync_InvokeAgain_ReturnsTheFirstInvokeResponse()
    {
        var invoke = Message("i1") with { Type = ActivityTypes.Invoke };

        await _sut.ProcessActivityAsync(invoke, _sender, Ct);
        var again = await _sut.ProcessActivityAsync(invoke, _sender, Ct);

        Assert.Equal(1, _bot.Turns);
        Assert.Equal(200, again.InvokeResponse?.Status);
        Assert.Equal(1, again.InvokeResponse?.Body?.GetProperty("turn").GetInt32());
    }

    [Fact]
    public async Task ProcessActivityAsync_NoId_RunsEveryTime()
    {
        await _sut.ProcessActivityAsync(Message(id: null), _sender, Ct);
        await _sut.ProcessActivityAsync(Message(id: null), _sender, Ct);

        Assert.Equal(2, _bot.Turns);
    }

    [Fact]
    public async Task ProcessActivityAsync_SameIdInAnotherConversation_Runs()
    {
        await _sut.ProcessActivityAsync(Message("a1"), _sender, Ct);
        await _sut.ProcessActivityAsync(Message("a1") with { Conversation = new ConversationAccount { Id = "another" } }, _sender, Ct);

        Assert.Equal(2, _bot.Turns);
    }

    [Fact]
    public async Task ProcessActivityAsync_TwoEditsOfOneMessage_BothRunAndEachRepeatDoesNot()
    {
        var firstEdit = Edit("a1", _time.GetUtcNow());
        var secondEdit = Edit("a1", _time.GetUtcNow().AddSeconds(30));

        await _sut.ProcessActivityAsync(firstEdit, _sender, Ct);
        await _sut.ProcessActivityAsync(secondEdit, _sender, Ct);
        await _sut.ProcessActivityAsync(firstEdit, _sender, Ct);
        await _sut.ProcessActivityAsync(secondEdit, _sender, Ct);
        await _sut.ProcessActivityAsync(Edit("a1", timestamp: null), _sender, Ct);

        Assert.Equal(3, _bot.Turns);
    }

    [Fact]
    public async Task ProcessActivityAsync_SameIdAfterTheWindow_RunsAgainAndTheOldEntryAndItsRepliesAreDropped()
    {
        await _sut.ProcessActivityAsync(Message("a1") with { DeliveryMode = DeliveryModes.ExpectReplies }, _sender, Ct);
        _time.Advance(Window + TimeSpan.FromSeconds(1));

        await _sut.ProcessActivityAsync(Message("a2"), _sender, Ct);
        var again = await _sut.ProcessActivityAsync(Message("a1"), _sender, Ct);

        Assert.Equal(3, _bot.Turns);
        Assert.False(again.IsRepeat);
        var deliveries = (await _storage.ReadAsync(["test/deliveries/conversation"], Ct))["test/deliveries/conversation"].Json;
        using var document = JsonDocument.Parse(deliveries);
        Assert.Equal(["received"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["a2", "a1"], document.RootElement.GetProperty("received").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ProcessActivityAsync_SameIdWithinTheWindow_DoesNotRun()
    {
        await _sut.ProcessActivityAsync(Message("a1"), _sender, Ct);
        _time.Advance(Window);

        await _sut.ProcessActivityAsync(Message("a1"), _sender, Ct);

        Assert.Equal(1, _bot.Turns);
    }

    private static Activity Message(string? id) => new()
    {
        Type = ActivityTypes.Message,
        Text = "hi",
        Id = id,
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "conversation" },
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
    };

    private static Activity Edit(string editedId, DateTimeOffset? timestamp) =>
        Message(editedId) with { Type = ActivityTypes.MessageUpdate, Timestamp = timestamp };

    private sealed class CountingBot : ITurnHandler
    {
        public int Turns { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Turns++;
            if (turnContext.Activity.Type == ActivityTypes.Invoke)
            {
                turnContext.InvokeResponse = new InvokeResponse(200, JsonSerializer.SerializeToElement(new Dictionary<string, int> { ["turn"] = Turns }));
                return;
            }

            await turnContext.SendActivityAsync(Activity.CreateMessage($"turn {Turns}"), cancellationToken);
        }
    }

    private sealed class CountingSender : IChannelSender
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult<IReadOnlyList<ResourceResponse>>([.. activities.Select(_ => new ResourceResponse(null))]);
        }
    }

    private sealed class RethrowingErrorHandler : ITurnErrorHandler
    {
        public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken) =>
            Task.FromException(exception);
    }
}
