using System.Text.RegularExpressions;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Crisis and clinic numbers as links a person can tap on web chat (Direct Line and Web Chat render Markdown):
/// <c>[988](tel:988)</c>, and <c>[741741](sms:741741?body=HOME)</c> where the text says to text a word to the
/// number. Other channels get the text unchanged (SMS shows numbers as they are; a phone makes them tappable itself).
/// Used only on texts that name lines (referrals, crisis-line phrases, the clinic's contact), never on a whole reply
/// that might hold other numbers.
/// </summary>
public static partial class PhoneLinks
{
    /// <summary><paramref name="text"/> with its phone numbers as links when the turn's channel is web chat.</summary>
    public static string For(ITurnContext context, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        return context.Activity.ChannelId is "directline" or "webchat" ? Markdown(text) : text;
    }

    /// <summary><paramref name="text"/> with every phone number (3 digits or more) as a Markdown <c>tel:</c> or <c>sms:</c> link.</summary>
    public static string Markdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PhoneNumber().Replace(text, match =>
        {
            var number = Dialable().Replace(match.Value, string.Empty);
            if (number.Count(char.IsAsciiDigit) < 3)
            {
                return match.Value;
            }

            var keyword = TextKeywordTo().Match(text[..match.Index]);
            return keyword.Success
                ? $"[{match.Value}](sms:{number}?body={keyword.Groups[1].Value})"
                : $"[{match.Value}](tel:{number})";
        });
    }

    // A number that is not part of a word or another link: an optional + and country code, an optional (area code), then digits with
    // spaces or dashes between them, 3 characters or more.
    [GeneratedRegex(@"(?<![\w\[/])\+?(?:\d{1,3}[ -]?)?(?:\(\d{1,5}\) ?)?\d[\d\- ]*\d(?![\w\]])")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"[^\d+]")]
    private static partial Regex Dialable();

    // "text HOME to ", "escribe AYUDA al " right before the number: the link opens a text with that word.
    [GeneratedRegex(@"\b(?:text|escribe) ([A-Z]{2,}) (?:to|al) $")]
    private static partial Regex TextKeywordTo();
}
