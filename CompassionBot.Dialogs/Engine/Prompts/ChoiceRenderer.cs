using System.Globalization;
using System.Text;
using System.Text.Json;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>
/// Shows choices the way each channel can: suggested actions (<c>imBack</c>, title == value) on Web Chat, Direct
/// Line, the Emulator and Teams personal chat (at most 3 there); hero-card buttons elsewhere on Teams; numbered
/// text on SMS and unknown text-only channels ("Reply 1, 2 or 3" is recognised back by <see cref="ChoiceRecognizer"/>).
/// </summary>
public static class ChoiceRenderer
{
    /// <summary>Channels that render suggested actions.</summary>
    private static readonly HashSet<string> SuggestedActionChannels = new(StringComparer.Ordinal)
    {
        "webchat", "directline", "emulator", "test", "console",
    };

    /// <summary>The prompt with <paramref name="choices"/> rendered for the channel of <paramref name="inbound"/>.</summary>
    public static Activity Render(Activity inbound, Activity prompt, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0)
        {
            return prompt;
        }

        var channel = inbound.ChannelId ?? string.Empty;
        if (SuggestedActionChannels.Contains(channel) ||
            (channel == "msteams" && inbound.Conversation?.ConversationType is null or "personal" && choices.Count <= 3))
        {
            return prompt with { SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(c => CardAction.ImBack(c.Value))] } };
        }

        return channel == "msteams" ? WithHeroCard(prompt, choices) : WithNumberedText(prompt, choices);
    }

    /// <summary>True when <see cref="Render"/> shows <paramref name="count"/> choices as buttons (suggested actions or a card) rather than numbered text.</summary>
    public static bool ShowsButtons(Activity inbound, int count)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return count > 0 && (SuggestedActionChannels.Contains(inbound.ChannelId ?? string.Empty) || inbound.ChannelId == "msteams");
    }

    /// <summary>Appends the choices as numbered text: "(1) a, (2) b or (3) c" or one per line for longer lists.</summary>
    public static Activity WithNumberedText(Activity prompt, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(choices);
        var text = new StringBuilder(prompt.Text);
        var inline = choices.Count <= 3 && choices.All(c => c.Value.Length <= 20);
        for (var i = 0; i < choices.Count; i++)
        {
            var separator = inline ? (i == 0 ? " " : ", ") : "\n";
            text.Append(separator).Append(CultureInfo.InvariantCulture, $"{i + 1}) {choices[i].Value}");
        }

        return prompt with { Text = text.ToString(), SuggestedActions = null };
    }

    private static Activity WithHeroCard(Activity prompt, IReadOnlyList<Choice> choices)
    {
        var card = new HeroCardContent(prompt.Text, [.. choices.Select(c => CardAction.ImBack(c.Value))]);
        var content = JsonSerializer.SerializeToElement(card, ChoiceRendererJsonContext.Default.HeroCardContent);
        return prompt with
        {
            Text = null,
            Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.hero", Content = content }],
        };
    }
}
