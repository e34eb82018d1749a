using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>
/// Renders a question with choices the way each channel can show them: suggested actions (<c>imBack</c>, title equals
/// value) where supported, hero-card buttons in Teams outside personal chat or beyond three choices, and numbered
/// text on SMS, which has no buttons.
/// </summary>
public static class ChannelChoiceRenderer
{
    /// <summary>Teams shows suggested actions only in personal chat and at most this many.</summary>
    public const int TeamsMaxSuggestedActions = 3;

    /// <summary>Beyond this many choices, or with a longer title, SMS gets a numbered list instead of one line.</summary>
    public const int SmsInlineMaxChoices = 3;

    /// <summary>Longest title (characters) SMS still lists inline.</summary>
    public const int SmsInlineMaxTitleLength = 20;

    private const string HeroCardContentType = "application/vnd.microsoft.card.hero";

    /// <summary>
    /// Builds the message for <paramref name="text"/> and <paramref name="choices"/> on <paramref name="channelId"/>.
    /// </summary>
    /// <param name="channelId">The activity's channel id (<c>msteams</c>, <c>sms</c>, <c>webchat</c>, ...).</param>
    /// <param name="conversationType">Teams conversation type (<c>personal</c>, <c>groupChat</c>, <c>channel</c>); null elsewhere.</param>
    /// <param name="text">The question, already localised.</param>
    /// <param name="choices">The choices in display order; each is both the title and the text sent back.</param>
    /// <param name="orWord">The localised word for "or", used in inline SMS lists (from the message catalog).</param>
    /// <returns>A message activity with <c>expectingInput</c>; addressing is filled in when it is sent.</returns>
    public static Activity Render(string? channelId, string? conversationType, string text, IReadOnlyList<string> choices, string orWord)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(orWord);
        var message = Activity.CreateMessage(text, InputHints.ExpectingInput);
        if (choices.Count == 0)
        {
            return message;
        }

        return channelId switch
        {
            "sms" => message with { Text = NumberedText(text, choices, orWord) },
            "msteams" when string.Equals(conversationType, "personal", StringComparison.Ordinal) && choices.Count <= TeamsMaxSuggestedActions
                => WithSuggestedActions(message, choices),
            "msteams" => WithHeroCard(message, choices),
            _ => WithSuggestedActions(message, choices),
        };
    }

    private static Activity WithSuggestedActions(Activity message, IReadOnlyList<string> choices) =>
        message with { SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(CardAction.ImBack)] } };

    private static Activity WithHeroCard(Activity message, IReadOnlyList<string> choices)
    {
        var buttons = new JsonArray();
        foreach (var choice in choices)
        {
            buttons.Add(new JsonObject { ["type"] = "imBack", ["title"] = choice, ["value"] = choice });
        }

        var card = new JsonObject { ["text"] = message.Text, ["buttons"] = buttons };
        using var document = JsonDocument.Parse(card.ToJsonString());
        var attachment = new Attachment { ContentType = HeroCardContentType, Content = document.RootElement.Clone() };

        // Teams splits a message with text and an attachment in two, so the text travels inside the card only.
        return message with { Text = null, Attachments = [attachment] };
    }

    private static string NumberedText(string text, IReadOnlyList<string> choices, string orWord)
    {
        var builder = new StringBuilder(text);
        if (choices.Count <= SmsInlineMaxChoices && choices.All(c => c.Length <= SmsInlineMaxTitleLength))
        {
            builder.Append(' ');
            for (var i = 0; i < choices.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(choices.Count == 2 ? $" {orWord} " : i == choices.Count - 1 ? $", {orWord} " : ", ");
                }

                builder.Append(CultureInfo.InvariantCulture, $"({i + 1}) {choices[i]}");
            }

            return builder.ToString();
        }

        builder.Append('\n');
        for (var i = 0; i < choices.Count; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n   {i + 1}. {choices[i]}");
        }

        return builder.ToString();
    }
}
