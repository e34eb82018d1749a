using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Tests.BotFramework;

/// <summary>
/// A stand-in bot: counts messages in conversation state, echoes, welcomes new members and installs, answers the
/// invoke <c>test/known</c>; can be held open to simulate a slow turn.
/// </summary>
public sealed class TestTurnHandler : ITurnHandler
{
    public const string KnownInvoke = "test/known";

    public ConcurrentQueue<Activity> Seen { get; } = new();

    /// <summary>When set, message turns wait for it (a slow turn).</summary>
    public TaskCompletionSource? Hold { get; set; }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        Seen.Enqueue(turnContext.Activity);
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                if (Hold is { } hold)
                {
                    await hold.Task.WaitAsync(cancellationToken);
                }

                var count = turnContext.State.Conversation.Get("count", TestJsonContext.Default.Int32) + 1;
                turnContext.State.Conversation.Set("count", count, TestJsonContext.Default.Int32);
                await turnContext.SendActivityAsync(Activity.CreateMessage($"echo {count}: {activity.Text}"), cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true:
            case ActivityTypes.InstallationUpdate when activity.Action == "add":
                await turnContext.SendActivityAsync(Activity.CreateMessage("welcome"), cancellationToken);
                break;
            case ActivityTypes.Invoke when activity.Name == KnownInvoke:
                turnContext.InvokeResponse = new InvokeResponse(200, JsonDocument.Parse("{\"ok\":true}").RootElement.Clone());
                break;
        }
    }
}

[JsonSerializable(typeof(int))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
