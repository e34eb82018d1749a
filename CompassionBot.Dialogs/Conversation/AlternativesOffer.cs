using System.Globalization;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Practices;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// The offer after a practice did not resonate: alternatives from other families, a shorter practice and a pause.
/// With buttons (or a numbered list) everything is offered. On SMS the offer is one text: the best
/// <see cref="SmsSize"/> options (the shorter practice replaces the last alternative), numbered, with LATER for the
/// pause; an alternative left out is still understood by name.
/// </summary>
public sealed class AlternativesOffer
{
    /// <summary>Options an SMS offer lists, so that it fits one text whatever the titles.</summary>
    public const int SmsSize = 3;

    /// <summary>The offered id of the pause.</summary>
    public const string PauseId = "#pause";

    private readonly MessageCatalog _messages;

    /// <summary>Creates the offer over the bot's texts.</summary>
    public AlternativesOffer(MessageCatalog messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _messages = messages;
    }

    /// <summary>The offer of <paramref name="alternatives"/> (best first) and <paramref name="shorter"/>, one SMS when <paramref name="sms"/>.</summary>
    public MenuPrompt For(IReadOnlyList<Practice> alternatives, Practice? shorter, string locale, bool sms)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        return sms ? ForSms(alternatives, shorter, locale) : ForButtons(alternatives, shorter, locale);
    }

    private MenuPrompt ForButtons(IReadOnlyList<Practice> alternatives, Practice? shorter, string locale)
    {
        var choices = alternatives.Select(ChoiceOf).ToList();
        var ids = alternatives.Select(p => p.Id).ToList();
        if (shorter is not null)
        {
            choices.Add(new Choice(_messages.Get("nonresonance.shorter", locale, ("title", shorter.Title), ("minutes", Minutes(shorter))), [shorter.Title, shorter.Id]));
            ids.Add(shorter.Id);
        }

        choices.Add(new Choice(_messages.Get("nonresonance.pause", locale)));
        ids.Add(PauseId);
        return new MenuPrompt(_messages.Get("nonresonance.offer", locale), choices, null, ids, ChoicesInText: false);
    }

    private MenuPrompt ForSms(IReadOnlyList<Practice> alternatives, Practice? shorter, string locale)
    {
        var listed = alternatives.Take(shorter is null ? SmsSize : SmsSize - 1).ToList();
        var unlisted = alternatives.Except(listed).ToList();
        var items = listed.Select(p => p.Title).ToList();
        if (shorter is not null)
        {
            items.Add(_messages.Get("nonresonance.shorter.sms", locale, ("title", shorter.Title), ("minutes", Minutes(shorter))));
            listed.Add(shorter);
        }

        return new MenuPrompt(
            SmsNumberedList.Text(_messages, locale, _messages.Get("nonresonance.offer.sms", locale), items),
            [.. listed.Select(ChoiceOf)],
            [.. unlisted.Select(ChoiceOf)],
            [.. listed.Select(p => p.Id), .. unlisted.Select(p => p.Id)]);
    }

    // The id as a synonym lets a practice be chosen by what people call it (Intents.PracticeNames).
    private static Choice ChoiceOf(Practice practice) => new(practice.Title, [practice.Id]);

    private static string Minutes(Practice practice) => practice.Minutes.ToString(CultureInfo.InvariantCulture);
}
