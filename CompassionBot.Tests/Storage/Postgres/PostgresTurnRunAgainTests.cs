using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Storage.Postgres;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Tests.Storage.Postgres;

/// <summary>
/// Whole turns (<see cref="BotAdapter"/>) on PostgreSQL while another instance commits the same conversation: what a
/// turn does outside its state happens once, and the error handler's answer still goes out.
/// </summary>
public sealed class PostgresTurnRunAgainTests(PostgresServer server) : PostgresDatabaseTest(server)
{
    private const string ConversationKey = "test/conversations/c";
    private static readonly JsonTypeInfo<string> Text = (JsonTypeInfo<string>)JsonSerializerOptions.Default.GetTypeInfo(typeof(string));

    [Fact]
    public async Task HoldConversation_AnotherInstanceCommitsFirst_TheTurnRunsAgainOnItsStateAndItsOutsideWriteHappensOnce()
    {
        var (mine, _) = await Database.OpenInstanceLocksAsync(Ct);
        var (other, _) = await Database.OpenInstanceLocksAsync(Ct);
        var bot = new HoldingBot(other);
        var sut = new BotAdapter(new BotStateStore(Database.OpenStorage()), [], bot, new Apologising(), new ConversationGate(mine), NullLogger<BotAdapter>.Instance);

        var result = await sut.ProcessActivityAsync(Message(), NoSender.Instance, Ct);

        var stored = (await Database.OpenStorage().ReadAsync([ConversationKey], Ct))[ConversationKey].Json;
        Assert.Equal((2, 1), (bot.Runs, bot.OutsideWrites));
        Assert.Equal(["done"], result.Replies.Select(r => r.Text));
        Assert.Contains("\"other\":\"committed first\"", stored, StringComparison.Ordinal);
        Assert.Contains("\"mine\":\"done\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnFails_AnotherInstanceCommitsWhileTheErrorHandlerRuns_TheErrorHandlersAnswerStillGoesOut()
    {
        var (mine, _) = await Database.OpenInstanceLocksAsync(Ct);
        var (other, _) = await Database.OpenInstanceLocksAsync(Ct);
        var sut = new BotAdapter(new BotStateStore(Database.OpenStorage()), [], new Failing(), new RacingErrorHandler(other), new ConversationGate(mine), NullLogger<BotAdapter>.Instance);

        var result = await sut.ProcessActivityAsync(Message(), NoSender.Instance, Ct);

        Assert.Equal(["sorry"], result.Replies.Select(r => r.Text));
    }

    // Another instance's whole turn of the conversation, committed: its own property on the conversation's state.
    private static async Task CommitElsewhereAsync(PostgresOptimisticConversationLock other, CancellationToken cancellationToken)
    {
        await using var lease = await other.AcquireAsync(ConversationKey, cancellationToken);
        var read = await lease.Storage!.ReadAsync([ConversationKey], cancellationToken);
        var json = read.TryGetValue(ConversationKey, out var item) ? item.Json : "{}";
        var document = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        document["other"] = JsonSerializer.SerializeToElement("committed first");
        await lease.Storage.WriteAsync(new Dictionary<string, StoreItem> { [ConversationKey] = new(JsonSerializer.Serialize(document), item?.ETag) }, cancellationToken);
    }

    private static Activity Message() => new()
    {
        Type = ActivityTypes.Message,
        Text = "hi",
        Id = "a1",
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "c" },
        From = new ChannelAccount { Id = "u" },
        Recipient = new ChannelAccount { Id = "bot" },
    };

    // Holds its conversation before a write outside its state; on its first run another instance commits just before.
    private sealed class HoldingBot(PostgresOptimisticConversationLock other) : ITurnHandler
    {
        public int Runs { get; private set; }

        public int OutsideWrites { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            if (++Runs == 1)
            {
                await CommitElsewhereAsync(other, cancellationToken);
            }

            await turnContext.HoldConversationAsync(cancellationToken);
            OutsideWrites++;
            turnContext.State.Conversation.Set("mine", "done", Text);
            await turnContext.SendActivityAsync(Activity.CreateMessage("done"), cancellationToken);
        }
    }

    private sealed class Failing : ITurnHandler
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) => throw new InvalidOperationException("the bot broke");
    }

    private sealed class Apologising : ITurnErrorHandler
    {
        public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(Activity.CreateMessage("sorry"), cancellationToken);
    }

    // Resets the conversation, as the real handler does, while another instance commits the same conversation.
    private sealed class RacingErrorHandler(PostgresOptimisticConversationLock other) : ITurnErrorHandler
    {
        public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
        {
            try
            {
                await CommitElsewhereAsync(other, cancellationToken);
            }
            catch (StorageConcurrencyException)
            {
                // The error handler's turn holds the conversation: the other instance's first try loses to it.
            }

            turnContext.State.Conversation.Set("reset", "yes", Text);
            await turnContext.SendActivityAsync(Activity.CreateMessage("sorry"), cancellationToken);
        }
    }
}
