using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Support;

/// <summary>
/// One person talking to the real pipeline (BotAdapter → safety gate → dialogs → state) on a channel, collecting
/// the bot's replies per turn. Mirrors the Bot Framework's TestFlow: <c>await conversation.SendAsync("hi")</c>.
/// </summary>
public sealed class TestConversation : IChannelSender
{
    private readonly BotAdapter _adapter;
    private readonly List<Activity> _delivered = [];
    private int _sequence;

    public TestConversation(IServiceProvider services, string channelId = "test", string? locale = "en-US", string? conversationId = null, string userId = "user1")
    {
        _adapter = services.GetRequiredService<BotAdapter>();
        ChannelId = channelId;
        Locale = locale;
        User = new ChannelAccount { Id = userId, Role = "user" };
        Conversation = new ConversationAccount { Id = conversationId ?? "conv-" + Guid.NewGuid().ToString("N") };
    }

    public string ChannelId { get; }

    public string? Locale { get; set; }

    public ChannelAccount User { get; }

    public ChannelAccount Bot { get; } = new() { Id = "bot", Role = "bot" };

    public ConversationAccount Conversation { get; }

    /// <summary>Everything delivered so far, in order.</summary>
    public IReadOnlyList<Activity> Delivered => _delivered;

    public Task<IReadOnlyList<Activity>> SendAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);

    public Task<IReadOnlyList<Activity>> JoinAsync(CancellationToken cancellationToken = default) =>
        SendActivityAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [User, Bot] }, cancellationToken);

    public async Task<IReadOnlyList<Activity>> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var inbound = activity with
        {
            Id = activity.Id ?? $"a{++_sequence}",
            ChannelId = activity.ChannelId ?? ChannelId,
            Conversation = activity.Conversation ?? Conversation,
            From = activity.From ?? User,
            Recipient = activity.Recipient ?? Bot,
            Locale = activity.Locale ?? Locale,
            ServiceUrl = activity.ServiceUrl ?? "https://test.invalid/",
        };
        var result = await _adapter.ProcessActivityAsync(inbound, this, cancellationToken);
        return [.. result.Replies.Where(r => r.IsMessage)];
    }

    Task<IReadOnlyList<ResourceResponse>> IChannelSender.SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        _delivered.AddRange(activities);
        return Task.FromResult<IReadOnlyList<ResourceResponse>>([.. activities.Select(_ => new ResourceResponse(null))]);
    }

    /// <summary>A reply as one line: text (line breaks as \n) and suggested actions as " [a | b]".</summary>
    public static string Render(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = (reply.Text ?? string.Empty).Replace("\n", "\\n", StringComparison.Ordinal);
        var actions = reply.SuggestedActions?.Actions;
        return actions is { Count: > 0 } ? $"{text} [{string.Join(" | ", actions.Select(a => a.Title))}]" : text;
    }
}
