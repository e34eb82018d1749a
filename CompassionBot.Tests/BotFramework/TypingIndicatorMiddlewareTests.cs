using CompassionBot.BotFramework;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.BotFramework;

/// <summary>The typing indicator of a message turn on a fake clock: when it starts, how often, and that it stops with the turn.</summary>
public sealed class TypingIndicatorMiddlewareTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CollectingLoggerProvider _logs = new();
    private readonly LoggerFactory _loggerFactory;
    private readonly TypingIndicatorMiddleware _sut;
    private readonly TypingSender _sender = new();
    private readonly TaskCompletionSource _turnEnds = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TypingIndicatorMiddlewareTests()
    {
        _loggerFactory = new LoggerFactory([_logs]);
        _sut = new TypingIndicatorMiddleware(_time, _loggerFactory.CreateLogger<TypingIndicatorMiddleware>());
    }

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public async Task OnTurnAsync_TurnEndsBeforeTheInitialDelay_SendsNoIndicatorThenOrLater()
    {
        var turn = RunTurnAsync(Message());
        _time.Advance(TypingIndicatorMiddleware.InitialDelay - Tick);
        _turnEnds.SetResult();
        await turn;
        _time.Advance(TypingIndicatorMiddleware.Period * 3);

        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task OnTurnAsync_SlowTurn_SendsOneAfterTheInitialDelayThenOneEveryPeriodUntilItEnds()
    {
        var turn = RunTurnAsync(Message());
        _time.Advance(TypingIndicatorMiddleware.InitialDelay - Tick);
        Assert.Empty(_sender.Sent);
        _time.Advance(Tick);
        Assert.Single(_sender.Sent);
        _time.Advance(TypingIndicatorMiddleware.Period - Tick);
        Assert.Single(_sender.Sent);
        _time.Advance(Tick);
        Assert.Equal(2, _sender.Sent.Count);

        _turnEnds.SetResult();
        await turn;
        _time.Advance(TypingIndicatorMiddleware.Period * 3);

        Assert.Equal(2, _sender.Sent.Count);
        var typing = _sender.Sent[0];
        Assert.Equal(ActivityTypes.Typing, typing.Type);
        Assert.Equal("conv-1", typing.Conversation?.Id);
        Assert.Equal("in-1", typing.ReplyToId);
    }

    [Fact]
    public async Task OnTurnAsync_IndicatorStillOnItsWay_SkipsTheNextTickAndIsCancelledAndAwaitedWhenTheTurnEnds()
    {
        _sender.Hold = new TaskCompletionSource<IReadOnlyList<ResourceResponse>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn = RunTurnAsync(Message());
        _time.Advance(TypingIndicatorMiddleware.InitialDelay + (TypingIndicatorMiddleware.Period * 2));
        Assert.Single(_sender.Sent);

        _turnEnds.SetResult();
        var cancelled = await _sender.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(cancelled);
        Assert.False(turn.IsCompleted);

        _sender.Hold.SetCanceled(TestContext.Current.CancellationToken);
        await turn.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Single(_sender.Sent);
    }

    public static TheoryData<Exception> LostOnTheWay() =>
    [
        new HttpRequestException("connection refused"),
        new ConnectorException("connection refused", 502),
        new Polly.Timeout.TimeoutRejectedException("connection refused"),
        new Polly.CircuitBreaker.BrokenCircuitException("connection refused"),
    ];

    [Theory]
    [MemberData(nameof(LostOnTheWay))]
    public async Task OnTurnAsync_IndicatorLostOnTheWay_IsLoggedAndTheNextTickSendsAgain(Exception failure)
    {
        _sender.Failure = failure;
        var turn = RunTurnAsync(Message());
        _time.Advance(TypingIndicatorMiddleware.InitialDelay);
        _sender.Failure = null;
        _time.Advance(TypingIndicatorMiddleware.Period);
        _turnEnds.SetResult();
        await turn;

        Assert.Equal(2, _sender.Sent.Count);
        var logged = Assert.Single(_logs.Entries, e => e.EventId.Id == 2009);
        Assert.Same(failure, logged.Exception);
        Assert.DoesNotContain("connection refused", logged.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ActivityTypes.ConversationUpdate, null)]
    [InlineData(ActivityTypes.Message, DeliveryModes.ExpectReplies)]
    public async Task OnTurnAsync_NotAMessageOrRepliesInTheResponse_SendsNoIndicator(string type, string? deliveryMode)
    {
        var turn = RunTurnAsync(Message() with { Type = type, DeliveryMode = deliveryMode });
        _time.Advance(TypingIndicatorMiddleware.InitialDelay + TypingIndicatorMiddleware.Period);
        _turnEnds.SetResult();
        await turn;

        Assert.Empty(_sender.Sent);
    }

    private static Activity Message() => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = "emulator",
        Text = "hello",
        From = new ChannelAccount { Id = "user-1", Role = "user" },
        Recipient = new ChannelAccount { Id = "bot", Role = "bot" },
        Conversation = new ConversationAccount { Id = "conv-1" },
    };

    private Task RunTurnAsync(Activity activity)
    {
        var context = new TurnContext(activity, new TurnState(new StateDocument("c", null, null), new StateDocument("u", null, null)), _sender);
        return _sut.OnTurnAsync(context, _ => _turnEnds.Task, TestContext.Current.CancellationToken);
    }

    /// <summary>Records the indicators; can fail them or hold one on its way (and tells when its token is cancelled).</summary>
    private sealed class TypingSender : IChannelSender
    {
        private readonly List<Activity> _sent = [];

        public IReadOnlyList<Activity> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public Exception? Failure { get; set; }

        public TaskCompletionSource<IReadOnlyList<ResourceResponse>>? Hold { get; set; }

        public TaskCompletionSource<bool> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                _sent.AddRange(activities);
            }

            if (Failure is not null)
            {
                return Task.FromException<IReadOnlyList<ResourceResponse>>(Failure);
            }

            cancellationToken.Register(() => Cancelled.TrySetResult(true));
            return Hold?.Task ?? Task.FromResult<IReadOnlyList<ResourceResponse>>([]);
        }
    }
}
