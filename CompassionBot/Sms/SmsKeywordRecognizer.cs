using System.Text;
using System.Text.RegularExpressions;
using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Sms;

/// <summary>
/// Recognises carrier keywords in an inbound text: the whole message is the keyword, in any case, with surrounding
/// spaces and punctuation ignored ("Stop.", " STOP!! ", "opt-out"); and free-text opt-outs in English and Spanish
/// ("please stop texting me", "no más mensajes").
/// </summary>
public static partial class SmsKeywordRecognizer
{
    private static readonly Dictionary<string, SmsKeyword> Keywords = new(StringComparer.Ordinal)
    {
        ["STOP"] = SmsKeyword.OptOut, ["STOPALL"] = SmsKeyword.OptOut, ["UNSUBSCRIBE"] = SmsKeyword.OptOut,
        ["CANCEL"] = SmsKeyword.OptOut, ["END"] = SmsKeyword.OptOut, ["QUIT"] = SmsKeyword.OptOut,
        ["REVOKE"] = SmsKeyword.OptOut, ["OPTOUT"] = SmsKeyword.OptOut,
        ["START"] = SmsKeyword.OptIn, ["UNSTOP"] = SmsKeyword.OptIn, ["YES"] = SmsKeyword.OptIn,
        ["HELP"] = SmsKeyword.Help, ["INFO"] = SmsKeyword.Help, ["AYUDA"] = SmsKeyword.Help,
    };

    /// <summary>The keyword <paramref name="text"/> is, or <see cref="SmsKeyword.None"/>.</summary>
    public static SmsKeyword Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SmsKeyword.None;
        }

        var letters = new StringBuilder();
        foreach (var c in text.Trim())
        {
            if (char.IsLetter(c))
            {
                letters.Append(char.ToUpperInvariant(c));
            }
            else if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))
            {
                letters.Clear();
                break;
            }
        }

        // A keyword is one word: "stop it" is not STOP, but "opt-out" and "STOP!!" are.
        var oneWord = !text.Trim().Trim(Punctuation).Contains(' ', StringComparison.Ordinal);
        if (oneWord && Keywords.TryGetValue(letters.ToString(), out var keyword))
        {
            return keyword;
        }

        return FreeTextOptOut().IsMatch(InputText.Fold(text)) ? SmsKeyword.OptOut : SmsKeyword.None;
    }

    private static readonly char[] Punctuation = ['.', ',', '!', '?', ';', ':', '"', '\'', '(', ')', '-', '*'];

    // Matched against folded text: lower case, no accents or apostrophes ("don't" is "dont"), punctuation gone.
    [GeneratedRegex(
        @"^(please )?stop( please| now| it)?( thanks| thank you)?$" +
        @"|\bstop (texting|messaging|contacting|txting) (me|us)\b" +
        @"|\bstop sending (me )?(texts|messages|these|this)\b" +
        @"|\b(dont|do not|never) (text|txt|message|contact) me\b" +
        @"|\bno more (texts|messages|check ins|checkins)\b" +
        @"|\b(unsubscribe me|opt me out|take me off|remove me from|i want to unsubscribe|i want to opt out)\b" +
        @"|\b(no|nunca) me (escribas|escriban|envies|envien|mandes|manden)\b" +
        @"|\b(deja|dejen|dejar|dejes) de (escribirme|enviarme|mandarme)\b" +
        @"|\bno (quiero )?mas (mensajes|textos)\b" +
        @"|\b(darme|dame|denme) de baja\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex FreeTextOptOut();
}
