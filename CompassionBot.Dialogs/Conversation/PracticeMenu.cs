using System.Globalization;
using System.Text;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Practices;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// The practice menu: what it offers, in which order, and how it reads. The short menu comes first on every channel:
/// the best-ranked practice of each of the <see cref="ShortSize"/> best-ranked families (one of them a kind the person
/// has not tried, when there is one), after a practice paused in the middle to resume, and "more" for the whole menu;
/// the name of any other practice is still understood. The whole menu lists every practice, grouped by family with
/// what helped this person first. Where the channel shows buttons the text is only an introduction (the buttons are the
/// list); elsewhere (SMS) the text numbers the choices: the short menu fits one text, the whole one has family headings
/// and minutes.
/// </summary>
public sealed class PracticeMenu
{
    /// <summary>Practices on the short menu (as many as a non-resonance offer), so that it fits one SMS with "more".</summary>
    public const int ShortSize = 3;

    /// <summary>The offered id of the short menu's "more" choice.</summary>
    public const string MoreId = "#more";

    /// <summary>The offered id of the short menu's choice to resume the paused practice.</summary>
    public const string ResumeId = "#resume";

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
    /// The short menu's practices: the best-ranked of each family, best first, at most <paramref name="size"/>, so it
    /// offers different kinds of practice rather than several of one kind. When every kind listed has been
    /// <paramref name="tried"/> the last place goes to the best-ranked kind not tried yet, if any.
    /// </summary>
    public static IReadOnlyList<Practice> ShortList(IReadOnlyList<Practice> ranked, IReadOnlySet<PracticeFamily> tried, int size = ShortSize)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(tried);
        var bestOfEach = ranked.GroupBy(p => p.Family).Select(g => g.First()).ToList();
        var list = bestOfEach.Take(size).ToList();
        if (list.Count == size && list.All(p => tried.Contains(p.Family)) && bestOfEach.FirstOrDefault(p => !tried.Contains(p.Family)) is { } newKind)
        {
            list[^1] = newKind;
        }

        return list;
    }

    /// <summary>The menu to show for <paramref name="ranked"/> practices.</summary>
    /// <param name="ranked">Every practice the person may be offered, best first.</param>
    /// <param name="request">The language, which menu, the channel's buttons, the kinds tried and a practice to resume.</param>
    public MenuPrompt For(IReadOnlyList<Practice> ranked, MenuRequest request)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(request);
        var locale = request.Locale;
        if (request.All || (ranked.Count <= ShortSize && request.Resume is null))
        {
            var all = Order(ranked);
            var allText = request.Buttons ? _messages.Get("menu.intro.all", locale) : Text(locale, all);
            return new MenuPrompt(allText, [.. all.Select(ChoiceOf)], null, [.. all.Select(p => p.Id)]);
        }

        var offered = request.Resume is { } resume ? ranked.Where(p => p.Id != resume.Id).ToList() : ranked;
        var listed = ShortList(offered, request.Tried, request.Resume is null ? ShortSize : ShortSize - 1);
        var unlisted = Order(ranked).Except(listed).ToList();
        var choices = new List<Choice>();
        var ids = new List<string>();
        if (request.Resume is not null)
        {
            choices.Add(new Choice(_messages.Get("menu.resume.choice", locale, ("title", request.Resume.Title)), Words("menu.resume.words", locale)));
            ids.Add(ResumeId);
        }

        choices.AddRange(listed.Select(ChoiceOf));
        var text = request.Buttons
            ? _messages.Get(request.Resume is null ? "menu.intro" : "menu.resume.short", locale)
            : ShortText(locale, choices.Select(c => c.Value));
        choices.Add(new Choice(_messages.Get("menu.more.sms", locale), Words("menu.more.sms.words", locale)));
        return new MenuPrompt(text, choices, [.. unlisted.Select(ChoiceOf)], [.. ids, .. listed.Select(p => p.Id), MoreId, .. unlisted.Select(p => p.Id)]);
    }

    /// <summary>The whole menu's text for practices in <see cref="Order"/>: numbered, under family headings, with minutes.</summary>
    public string Text(string locale, IReadOnlyList<Practice> menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var text = new StringBuilder(_messages.Get("menu.intro.numbered", locale));
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

    /// <summary>
    /// The short menu's text where the channel shows no buttons: <paramref name="items"/> (the resume choice, then
    /// practice titles) numbered, then "more" as the last number.
    /// </summary>
    public string ShortText(string locale, IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return SmsNumberedList.Text(_messages, locale, _messages.Get("menu.intro.sms", locale), items.Append(_messages.Get("menu.more.sms", locale)));
    }

    private string[] Words(string key, string locale) =>
        _messages.Get(key, locale).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static Choice ChoiceOf(Practice practice) => new(practice.Title, [practice.Id]);

    private static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
