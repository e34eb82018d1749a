using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Terminal;

/// <summary>
/// <c>chat</c>: a conversation in the terminal through the same pipeline, safety gate, dialogs and durable state as
/// every other channel. A number picks the numbered option shown last.
/// </summary>
internal static class ChatVerb
{
    public const string ChannelId = "console";

    public static async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        await StartOwnServicesAsync(services, cancellationToken).ConfigureAwait(false);
        var adapter = services.GetRequiredService<BotAdapter>();
        var time = services.GetRequiredService<TimeProvider>();
        var sender = new LastOptionsSender(new TerminalChannelSender(output));
        var user = new ChannelAccount { Id = "console-user", Role = "user" };
        var bot = new ChannelAccount { Id = "compassionbot", Role = "bot" };
        var conversation = new ConversationAccount { Id = "console-" + Environment.UserName };
        await output.WriteLineAsync("CompassionBot terminal chat. Type a message; Ctrl+D (or 'exit') to leave.".AsMemory(), cancellationToken).ConfigureAwait(false);
        var join = new Activity { Type = ActivityTypes.ConversationUpdate, ChannelId = ChannelId, From = user, Recipient = bot, Conversation = conversation, MembersAdded = [user] };
        await adapter.ProcessActivityAsync(join, sender, cancellationToken).ConfigureAwait(false);
        // Ids unique to this run: the conversation outlives it (in the SQLite file), and a repeated id is a repeated delivery.
        var run = Guid.NewGuid().ToString("N");
        var sequence = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Trim().Equals("exit", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            var message = new Activity
            {
                Type = ActivityTypes.Message,
                Id = $"console-{run}-{++sequence}",
                Timestamp = time.GetUtcNow(),
                ChannelId = ChannelId,
                From = user,
                Recipient = bot,
                Conversation = conversation,
                Text = sender.Expand(line),
            };
            await adapter.ProcessActivityAsync(message, sender, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Runs the app's own start-up work (content validation, storage migrations) without starting the web server.</summary>
    private static async Task StartOwnServicesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var service in services.GetServices<IHostedService>().Where(s => s.GetType().Assembly == typeof(ChatVerb).Assembly))
        {
            await service.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Remembers the last numbered options so "2" is sent as the option's text.</summary>
    private sealed class LastOptionsSender(IChannelSender inner) : IChannelSender
    {
        private IReadOnlyList<CardAction> _options = [];

        public string Expand(string line) =>
            NumberWords.TryParseCardinal(line.Trim(), out var n) && n >= 1 && n <= _options.Count ? _options[n - 1].Value ?? line : line;

        public Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            _options = activities.LastOrDefault(a => a.IsMessage)?.SuggestedActions?.Actions ?? [];
            return inner.SendAsync(activities, cancellationToken);
        }
    }
}
