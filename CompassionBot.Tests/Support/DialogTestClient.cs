using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Tests.Support;

/// <summary>
/// Runs one root dialog through the real BotAdapter with in-memory state, like the Bot Framework's DialogTestClient:
/// each turn continues the stack, and begins the root dialog when the stack is empty.
/// </summary>
public sealed class DialogTestClient : ITurnHandler, ITurnErrorHandler, IChannelSender
{
    private readonly DialogSet _dialogs;
    private readonly string _rootId;
    private readonly BotAdapter _adapter;
    private int _sequence;

    public DialogTestClient(DialogSet dialogs, string rootId, string channelId = "test")
    {
        _dialogs = dialogs;
        _rootId = rootId;
        ChannelId = channelId;
        Storage = new MemoryStorage();
        _adapter = new BotAdapter(new BotStateStore(Storage), [], this, this, new ConversationGate(), NullLogger<BotAdapter>.Instance);
    }

    public string ChannelId { get; }

    public MemoryStorage Storage { get; }

    /// <summary>The stack status after the last turn.</summary>
    public DialogTurnResult? LastResult { get; private set; }

    /// <summary>The exception the last turn failed with, if any.</summary>
    public Exception? LastError { get; private set; }

    public Task<IReadOnlyList<Activity>> SendAsync(string text) =>
        SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    public async Task<IReadOnlyList<Activity>> SendActivityAsync(Activity activity)
    {
        var inbound = activity with
        {
            Id = $"a{++_sequence}",
            ChannelId = ChannelId,
            Conversation = new ConversationAccount { Id = "conversation" },
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
        };
        LastError = null;
        var result = await _adapter.ProcessActivityAsync(inbound, this, TestContext.Current.CancellationToken);
        return result.Replies;
    }

    async Task ITurnHandler.OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = BotStateAccessors.Dialogs.Get(turnContext, () => new DialogState());
        var dc = _dialogs.CreateContext(turnContext, state);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty && turnContext.Activity.IsMessage)
        {
            result = await dc.BeginDialogAsync(_rootId, null, cancellationToken);
        }

        LastResult = result;
        BotStateAccessors.Dialogs.Set(turnContext, state);
    }

    Task ITurnErrorHandler.OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        LastError = exception;
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<ResourceResponse>> IChannelSender.SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ResourceResponse>>([.. activities.Select(_ => new ResourceResponse(null))]);
}
