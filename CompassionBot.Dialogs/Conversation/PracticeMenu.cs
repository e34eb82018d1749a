using System.Globalization;
using System.Text;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Practices;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// The practice menu: what it offers, in which order, and how it reads. The whole menu lists every practice, grouped by
/// family with what helped this person first, numbered under family headings with minutes. The short menu (on SMS,
/// where the whole one takes several texts) is one text: the best-ranked practice of each of the
/// <see cref="ShortSize"/> best-ranked families, by title, and "more" for the whole menu; the name of any other
/// practice is still understood.
/// </summary>
public sealed class PracticeMenu
{
    /// <summary>Practices on the short menu (as many as a non-resonance offer), so that it fits one SMS with "more".</summary>
    public const int ShortSize = 3;

    /// <summary>The offered id of the short menu's "more" choice.</summary>
    public const string MoreId = "#more";

    private readonly MessageCatalog _messages;

    /// <summary>Creates the menu over the bot's texts.</summary>
    public PracticeMenu(MessageCatalog messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _messages = messages;
    }

    /// <summary>
    /// The whole menu's order: <paramref name="ranked"/> grouped by family, each family where its best-ranked practice
    /// is, so what helped stays first and something new stays near the top.
    /// </summary>
    public static IReadOnlyList<Practice> Order(IReadOnlyList<Practice> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return [.. ranked.GroupBy(p => p.Family).SelectMany(g => g)];
    }

    /// <summary>
    /// The short menu's practices: the best-ranked of each family, best first, at most <see cref="ShortSize"/>, so it
    /// offers different kinds of practice rather than several of one kind.
    /// </summary>
    public static IReadOnlyList<Practice> ShortList(IReadOnlyList<Practice> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return [.. ranked.GroupBy(p => p.Family).Select(g => g.First()).Take(ShortSize)];
    }

    /// <summary>The menu to show for <paramref name="ranked"/> practices: the short one when asked for and shorter.</summary>
    public MenuPrompt For(IReadOnlyList<Practice> ranked, string locale, bool preferShort)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        if (!preferShort || ranked.Count <= ShortSize)
        {
            var all = Order(ranked);
            return new MenuPrompt(Text(locale, all), [.. all.Select(ChoiceOf)], null, [.. all.Select(p => p.Id)]);
        }

        var listed = ShortList(ranked);
        var unlisted = Order(ranked).Except(listed).ToList();
        var more = new Choice(
            _messages.Get("menu.more.sms", locale),
            _messages.Get("menu.more.sms.words", locale).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return new MenuPrompt(
            ShortText(locale, listed),
            [.. listed.Select(ChoiceOf), more],
            [.. unlisted.Select(ChoiceOf)],
            [.. listed.Select(p => p.Id), MoreId, .. unlisted.Select(p => p.Id)]);
    }

    /// <summary>The whole menu's text for practices in <see cref="Order"/>: numbered, under family headings, with minutes.</summary>
    public string Text(string locale, IReadOnlyList<Practice> menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var text = new StringBuilder(_messages.Get("menu.intro", locale));
        PracticeFamily? family = null;
        for (var i = 0; i < menu.Count; i++)
        {
            var practice = menu[i];
            if (practice.Family != family)
            {
                family = practice.Family;
                text.Append('\n').Append(_messages.Get("menu.family." + PracticeFamilies.Key(practice.Family), locale));
            }

            text.Append('\n').Append(_messages.Get(
                "menu.item",
                locale,
                ("number", Number(i)),
                ("title", practice.Title),
                ("minutes", practice.Minutes.ToString(CultureInfo.InvariantCulture))));
        }

        return text.ToString();
    }

    /// <summary>The short menu's text: its practices numbered by title, then "more" as the last number.</summary>
    public string ShortText(string locale, IReadOnlyList<Practice> menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        return SmsNumberedList.Text(
            _messages, locale, _messages.Get("menu.intro.sms", locale), menu.Select(p => p.Title).Append(_messages.Get("menu.more.sms", locale)));
    }

    private static Choice ChoiceOf(Practice practice) => new(practice.Title, [practice.Id]);

    private static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
