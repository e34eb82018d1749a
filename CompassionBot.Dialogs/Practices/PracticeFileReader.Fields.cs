using System.Globalization;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;

namespace CompassionBot.Dialogs.Practices;

/// <summary>Turning the fields read into a validated <see cref="Practice"/>.</summary>
internal sealed partial class PracticeFileReader
{
    /// <summary>Longest step text for Teams and web chat, in characters.</summary>
    public const int MaxTextLength = 320;

    /// <summary>Most choices a step may offer (Teams shows up to three suggested actions comfortably).</summary>
    public const int MaxChoices = 3;

    /// <summary>Longest choice title, in characters.</summary>
    public const int MaxChoiceTitleLength = 30;

    /// <summary>Longest practice title, in characters.</summary>
    public const int MaxTitleLength = 40;

    /// <summary>Shortest and longest practice, in minutes.</summary>
    public const int MinMinutes = 1, MaxMinutes = 10;

    private ParsedPractice? Build()
    {
        var id = Required("id");
        if (id is { } idField && !IsValidId(idField.Value))
        {
            Error(idField.Line, $"Practice id '{idField.Value}' is not valid: use lower-case letters, digits and dashes.");
        }

        var title = Required("title");
        if (title is { } titleField)
        {
            CheckShortText(titleField, "Title", MaxTitleLength);
        }

        var family = ParseFamily();
        var minutes = ParseMinutes();
        var (rateBefore, rateAfter) = ParseRating();
        var summary = Required("summary");
        if (summary is { } summaryField)
        {
            SmsVariant(summaryField.Value, null, summaryField.Line, "Summary");
        }

        if (_steps.Count == 0)
        {
            Error(0, "A practice needs at least one 'step:' block.");
        }

        var steps = _steps.Select(BuildStep).ToList();
        if (_errors.Count > _errorCountAtStart)
        {
            return null;
        }

        var practice = new Practice(
            id!.Value.Value, _locale, title!.Value.Value, family, minutes, rateBefore, rateAfter, summary!.Value.Value, steps);
        return new ParsedPractice(
            practice,
            _file,
            _header.ToDictionary(kv => kv.Key, kv => kv.Value.Line, StringComparer.Ordinal),
            [.. _steps.Select(s => s.Line)]);
    }

    private Field? Required(string key)
    {
        if (!_header.TryGetValue(key, out var field))
        {
            Error(0, $"Missing '{key}:' line.");
            return null;
        }

        if (field.Value.Length == 0)
        {
            Error(field.Line, $"'{key}:' is empty.");
            return null;
        }

        return field;
    }

    private PracticeFamily ParseFamily()
    {
        if (Required("family") is not { } field)
        {
            return default;
        }

        if (!PracticeFamilies.TryParse(field.Value, out var family))
        {
            var known = string.Join(", ", PracticeFamilies.All.Select(PracticeFamilies.Key));
            Error(field.Line, $"Unknown family '{field.Value}'. Expected one of: {known}.");
        }

        return family;
    }

    private int ParseMinutes()
    {
        if (Required("minutes") is not { } field)
        {
            return 0;
        }

        if (!int.TryParse(field.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes is < MinMinutes or > MaxMinutes)
        {
            Error(field.Line, $"'minutes:' must be a whole number from {MinMinutes} to {MaxMinutes}, not '{field.Value}'.");
        }

        return minutes;
    }

    private (bool Before, bool After) ParseRating()
    {
        if (!_header.TryGetValue("rating", out var field) || field.Value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return (false, false);
        }

        var parts = field.Value.Split(',', StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
        if (parts.Count == 0 || parts.Any(p => p is not ("before" or "after")) || parts.Distinct().Count() != parts.Count)
        {
            Error(field.Line, $"'rating:' must be 'none', 'before', 'after' or 'before, after', not '{field.Value}'.");
        }

        return (parts.Contains("before"), parts.Contains("after"));
    }

    private PracticeStep BuildStep(StepDraft step)
    {
        var fields = step.Fields;
        var text = fields.TryGetValue("text", out var textField) ? textField.Value : string.Empty;
        if (text.Length == 0)
        {
            Error(step.Line, $"Step '{step.Id}' is empty: it needs a 'text:' line with the instruction.");
        }
        else if (text.Length > MaxTextLength)
        {
            Error(textField.Line, $"Step '{step.Id}' text is {text.Length} characters; the limit is {MaxTextLength}.");
        }

        string? smsText = null;
        if (fields.TryGetValue("sms", out var smsField) && smsField.Value.Length == 0)
        {
            Error(smsField.Line, $"Step '{step.Id}' has an empty 'sms:' line; remove it or write the SMS text.");
        }
        else if (text.Length > 0)
        {
            smsText = SmsVariant(text, fields.ContainsKey("sms") ? smsField : null, textField.Line, $"Step '{step.Id}' SMS text");
        }

        var prompt = ParsePrompt(step);
        var choices = ParseChoices(step, prompt);
        var optional = ParseOptional(step);
        return new PracticeStep(step.Id, text, smsText, prompt, choices, optional, ParseKeep(step, prompt));
    }

    private StepPromptKind ParsePrompt(StepDraft step)
    {
        if (!step.Fields.TryGetValue("prompt", out var field))
        {
            return StepPromptKind.None;
        }

        switch (field.Value.ToLowerInvariant())
        {
            case "none": return StepPromptKind.None;
            case "text": return StepPromptKind.Text;
            case "choice": return StepPromptKind.Choice;
            case "rating": return StepPromptKind.Rating;
            default:
                Error(field.Line, $"'prompt:' must be none, text, choice or rating, not '{field.Value}'.");
                return StepPromptKind.None;
        }
    }

    private List<string> ParseChoices(StepDraft step, StepPromptKind prompt)
    {
        if (!step.Fields.TryGetValue("choices", out var field))
        {
            if (prompt == StepPromptKind.Choice)
            {
                Error(step.Line, $"Step '{step.Id}' has 'prompt: choice' but no 'choices:' line.");
            }

            return [];
        }

        if (prompt != StepPromptKind.Choice)
        {
            Error(field.Line, $"Step '{step.Id}' lists choices but its prompt is not 'choice'.");
            return [];
        }

        var choices = field.Value.Split('|', StringSplitOptions.TrimEntries).ToList();
        if (choices.Any(c => c.Length == 0))
        {
            Error(field.Line, $"Step '{step.Id}' has an empty choice; separate choices with ' | '.");
        }
        else if (choices.Count > MaxChoices)
        {
            Error(field.Line, $"Step '{step.Id}' has {choices.Count} choices; at most {MaxChoices} fit on Teams.");
        }
        else if (choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Count)
        {
            Error(field.Line, $"Step '{step.Id}' repeats a choice.");
        }

        foreach (var choice in choices.Where(c => c.Length > 0))
        {
            CheckShortText(new Field(choice, field.Line), $"Choice '{choice}'", MaxChoiceTitleLength);
        }

        return choices;
    }

    private bool ParseOptional(StepDraft step)
    {
        if (!step.Fields.TryGetValue("optional", out var field))
        {
            return false;
        }

        switch (field.Value.ToLowerInvariant())
        {
            case "yes": return true;
            case "no": return false;
            default:
                Error(field.Line, $"'optional:' must be yes or no, not '{field.Value}'.");
                return false;
        }
    }

    private KeepKind? ParseKeep(StepDraft step, StepPromptKind prompt)
    {
        if (!step.Fields.TryGetValue("keep", out var field))
        {
            return null;
        }

        if (prompt != StepPromptKind.Text)
        {
            Error(field.Line, $"Step '{step.Id}' offers to keep its answer but its prompt is not 'text'.");
            return null;
        }

        switch (field.Value.ToLowerInvariant())
        {
            case "phrase": return KeepKind.Phrase;
            case "letter": return KeepKind.Letter;
            default:
                Error(field.Line, $"'keep:' must be phrase or letter, not '{field.Value}'.");
                return null;
        }
    }

    private void CheckShortText(Field field, string what, int maxLength)
    {
        if (field.Value.Length > maxLength)
        {
            Error(field.Line, $"{what} is {field.Value.Length} characters; the limit is {maxLength}.");
        }

        var invalid = Gsm7.InvalidCharacters(Gsm7.Fold(field.Value));
        if (invalid.Count > 0)
        {
            Error(field.Line, $"{what} is not GSM-7 (for SMS): it contains {Quote(invalid)}.");
        }
    }

    /// <summary>The SMS form of a text (folded to GSM-7), or null when the text itself is that form; errors if it does not fit.</summary>
    private string? SmsVariant(string text, Field? sms, int textLine, string what)
    {
        var source = sms?.Value ?? text;
        var line = sms?.Line ?? textLine;
        var hint = sms is null ? " (this text is also used for SMS; add a shorter 'sms:' line)" : string.Empty;
        var folded = Gsm7.Fold(source);
        var invalid = Gsm7.InvalidCharacters(folded);
        if (invalid.Count > 0)
        {
            Error(line, $"{what} is not GSM-7: it contains {Quote(invalid)}{hint}.");
        }

        var septets = Gsm7.SeptetCount(folded);
        if (septets > Gsm7.SingleSegmentLimit)
        {
            Error(line, $"{what} is {septets} characters, over the {Gsm7.SingleSegmentLimit} of one SMS{hint}.");
        }

        return string.Equals(folded, text, StringComparison.Ordinal) ? null : folded;
    }

    private static string Quote(IEnumerable<string> characters) => string.Join(" ", characters.Select(c => $"'{c}'"));
}
