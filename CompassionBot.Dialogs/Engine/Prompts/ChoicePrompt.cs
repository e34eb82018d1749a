using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks the person to pick one of <see cref="PromptOptions.Choices"/> (or, by name, one of
/// <see cref="PromptOptions.UnlistedChoices"/>); ends with a <see cref="PromptResult{T}"/> of <see cref="FoundChoice"/>.
/// </summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    /// <summary>Creates the prompt.</summary>
    /// <param name="id">Dialog id.</param>
    /// <param name="validator">Decides which answers are accepted; without one, every recognised answer is.</param>
    public ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : base(id, validator) { }

    /// <inheritdoc />
    protected override PromptRecognition<FoundChoice> Recognize(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(activity.Text, options.Choices ?? [], options.UnlistedChoices);
        return found is null ? PromptRecognition<FoundChoice>.Failed : new(true, found);
    }

    /// <inheritdoc />
    protected override Activity Render(ITurnContext turnContext, Activity prompt, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var choices = options.Choices ?? [];
        return options.ChoicesInText && !ChoiceRenderer.ShowsButtons(turnContext.Activity, choices.Count)
            ? prompt
            : ChoiceRenderer.Render(turnContext.Activity, prompt, choices);
    }
}
