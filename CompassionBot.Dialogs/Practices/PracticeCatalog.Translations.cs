using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Practices;

/// <summary>Checks that every practice exists in every locale with the same shape.</summary>
public sealed partial class PracticeCatalog
{
    private static void CheckTranslations(List<ParsedPractice> parsed, List<ContentError> errors)
    {
        foreach (var group in parsed.GroupBy(p => p.Practice.Id, StringComparer.Ordinal))
        {
            // Duplicates are reported already; compare the first of each locale.
            var byLocale = group.GroupBy(p => p.Practice.Locale, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var reference = byLocale.GetValueOrDefault(SupportedLocales.English) ?? byLocale.Values.First();
            foreach (var locale in SupportedLocales.All.Where(l => !byLocale.ContainsKey(l)))
            {
                errors.Add(new ContentError(
                    reference.File, reference.LineOf("id"), $"Practice '{group.Key}' has no '{locale}' translation ({FolderName}/{locale}/{group.Key}{FileExtension})."));
            }

            foreach (var translation in byLocale.Values.Where(t => !ReferenceEquals(t, reference)))
            {
                CompareHeader(reference, translation, errors);
                CompareSteps(reference, translation, errors);
            }
        }
    }

    private static void CompareHeader(ParsedPractice reference, ParsedPractice translation, List<ContentError> errors)
    {
        var (r, t) = (reference.Practice, translation.Practice);
        if (r.Family != t.Family)
        {
            errors.Add(Mismatch(translation, "family", $"family '{PracticeFamilies.Key(t.Family)}' differs from '{PracticeFamilies.Key(r.Family)}' in {reference.File}"));
        }

        if (r.Minutes != t.Minutes)
        {
            errors.Add(Mismatch(translation, "minutes", $"minutes {t.Minutes} differ from {r.Minutes} in {reference.File}"));
        }

        if (r.RateBefore != t.RateBefore || r.RateAfter != t.RateAfter)
        {
            errors.Add(Mismatch(translation, "rating", $"rating differs from {reference.File}"));
        }
    }

    private static void CompareSteps(ParsedPractice reference, ParsedPractice translation, List<ContentError> errors)
    {
        var (r, t) = (reference.Practice, translation.Practice);
        ReportMissingSteps(reference, translation, errors);
        ReportMissingSteps(translation, reference, errors);
        var translatedIds = t.Steps.Select(s => s.Id).Where(id => r.Steps.Any(s => s.Id == id)).ToList();
        var referenceIds = r.Steps.Select(s => s.Id).Where(id => t.Steps.Any(s => s.Id == id)).ToList();
        if (!translatedIds.SequenceEqual(referenceIds, StringComparer.Ordinal))
        {
            errors.Add(new ContentError(translation.File, 0, $"Steps are in a different order than in {reference.File}."));
        }

        for (var i = 0; i < t.Steps.Count; i++)
        {
            var step = t.Steps[i];
            if (r.Steps.FirstOrDefault(s => s.Id == step.Id) is not { } original)
            {
                continue;
            }

            var line = translation.StepLines[i];
            if (step.Prompt != original.Prompt || step.Choices.Count != original.Choices.Count)
            {
                errors.Add(new ContentError(translation.File, line, $"Step '{step.Id}' asks for something different than in {reference.File} (prompt or number of choices)."));
            }

            if (step.Keep != original.Keep)
            {
                errors.Add(new ContentError(translation.File, line, $"Step '{step.Id}' keeps its answer differently than in {reference.File} ('keep:')."));
            }

            if (step.Optional != original.Optional)
            {
                errors.Add(new ContentError(translation.File, line, $"Step '{step.Id}' is optional in one language only (see {reference.File})."));
            }
        }
    }

    private static void ReportMissingSteps(ParsedPractice having, ParsedPractice other, List<ContentError> errors)
    {
        var steps = having.Practice.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (!other.Practice.Steps.Any(s => s.Id == steps[i].Id))
            {
                errors.Add(new ContentError(
                    having.File, having.StepLines[i], $"Step '{steps[i].Id}' has no '{other.Practice.Locale}' translation in {other.File}."));
            }
        }
    }

    private static ContentError Mismatch(ParsedPractice translation, string key, string message) =>
        new(translation.File, translation.LineOf(key), $"Translation does not match: {message}.");
}
