using System.Text.RegularExpressions;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Crisis and clinic numbers as links a person can tap to call on web chat (Web Chat renders Markdown):
/// <c>[988](tel:988)</c>. A number the text says only to text a word to ("text HOME to 741741") stays as it is: Web
/// Chat 4.18 shows an <c>sms:</c> link as a button that opens nothing. Other channels get the text unchanged (SMS
/// shows numbers as they are; a phone makes them tappable itself). Used only on texts that name lines (referrals,
/// crisis-line phrases, the clinic's contact), never on a whole reply that might hold other numbers.
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

    /// <summary><paramref name="text"/> with every phone number (3 digits or more) to call as a Markdown <c>tel:</c> link.</summary>
    public static string Markdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PhoneNumber().Replace(text, match =>
        {
            var number = Dialable().Replace(match.Value, string.Empty);
            return number.Count(char.IsAsciiDigit) < 3 || TextOnly().IsMatch(text[..match.Index])
                ? match.Value
                : $"[{match.Value}](tel:{number})";
        });
    }

    // A number that is not part of a word or another link: an optional + and country code, an optional (area code), then digits with
    // spaces or dashes between them, 3 characters or more.
    [GeneratedRegex(@"(?<![\w\[/])\+?(?:\d{1,3}[ -]?)?(?:\(\d{1,5}\) ?)?\d[\d\- ]*\d(?![\w\]])")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"[^\d+]")]
    private static partial Regex Dialable();

    // "text HOME to ", "escribe SHOUT al " right before the number, unless it is also to call ("call or text", "llama o
    // escribe AYUDA al 988").
    [GeneratedRegex(@"(?<!call or |llama o )\b(?:text|escribe) [A-Z]{2,} (?:to|al) $", RegexOptions.IgnoreCase)]
    private static partial Regex TextOnly();
}
