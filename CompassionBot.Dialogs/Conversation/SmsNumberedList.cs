using System.Globalization;
using System.Text;
using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// Choices written into one SMS: an intro line, then one <c>menu.item.sms</c> line per item ("1. title"), so that a
/// number typed back means the item with that number. Used by the short menu and the SMS offer of alternatives.
/// </summary>
internal static class SmsNumberedList
{
    /// <summary>The text: <paramref name="intro"/>, then <paramref name="items"/> numbered from 1.</summary>
    public static string Text(MessageCatalog messages, string locale, string intro, IEnumerable<string> items)
    {
        var text = new StringBuilder(intro);
        var number = 0;
        foreach (var item in items)
        {
            number++;
            text.Append('\n').Append(messages.Get("menu.item.sms", locale, ("number", number.ToString(CultureInfo.InvariantCulture)), ("title", item)));
        }

        return text.ToString();
    }
}
