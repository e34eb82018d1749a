using System.Globalization;
using System.Text;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>Folds what a person typed for matching: lower case, no accents, apostrophes dropped ("isn't" → "isnt"), other punctuation to spaces, single spaces.</summary>
public static class InputText
{
    /// <summary>The folded form of <paramref name="text"/> (empty for null).</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c == '/')
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The folded words of <paramref name="text"/>.</summary>
    public static string[] Words(string? text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
