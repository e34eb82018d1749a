using System.Text.Json;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Sms;

/// <summary>
/// Delivers one SMS turn's replies to <paramref name="phone"/> through the <see cref="SmsOutbox"/>, in order, as
/// <paramref name="delivery"/> (answers to STOP and HELP always as <see cref="SmsDelivery.KeywordResponse"/>). Typing
/// indicators are dropped; suggested actions or card buttons that reach SMS anyway become numbered text.
/// </summary>
internal sealed class SmsChannelSender(string phone, SmsOutbox outbox, SmsDelivery delivery = SmsDelivery.Reply) : IChannelSender
{
    /// <summary>Whether a text was refused or failed (Twilio's answer, not a missing opt-in) since this sender was made.</summary>
    public bool Undelivered { get; private set; }

    public async Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            if (!activity.IsMessage || Render(activity) is not { Length: > 0 } text)
            {
                continue;
            }

            var kind = SmsReplies.IsKeywordResponse(activity) ? SmsDelivery.KeywordResponse : delivery;
            var outcome = (await outbox.SendAsync(phone, text, kind, cancellationToken).ConfigureAwait(false)).Outcome;
            responses.Add(new ResourceResponse(null));
            Undelivered |= outcome is SmsSendOutcome.Unsubscribed or SmsSendOutcome.Failed;
            if (outcome is SmsSendOutcome.NotPermitted or SmsSendOutcome.Unsubscribed)
            {
                break;
            }
        }

        return responses;
    }

    /// <summary>The text an SMS shows for <paramref name="activity"/>: its text, card text, and any buttons as numbers.</summary>
    internal static string Render(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var buttons = new List<Choice>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is { ValueKind: JsonValueKind.Object } card)
            {
                if (text.Length == 0 && card.TryGetProperty("text", out var cardText) && cardText.ValueKind == JsonValueKind.String)
                {
                    text = cardText.GetString() ?? string.Empty;
                }

                if (card.TryGetProperty("buttons", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    buttons.AddRange(list.EnumerateArray()
                        .Where(b => b.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
                        .Select(b => new Choice(b.GetProperty("title").GetString()!)));
                }
            }
        }

        buttons.AddRange((activity.SuggestedActions?.Actions ?? []).Where(a => a.Title is not null).Select(a => new Choice(a.Title!)));
        return buttons.Count == 0
            ? text
            : ChoiceRenderer.WithNumberedText(Activity.CreateMessage(text), buttons).Text ?? text;
    }
}
