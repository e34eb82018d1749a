using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks a yes/no question; the two choices in <see cref="PromptOptions.Choices"/> (yes first, then no) are shown and
/// also recognised. Ends with a <see cref="PromptResult{T}"/> of <see cref="bool"/>.
/// </summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    /// <summary>Creates the prompt.</summary>
    /// <param name="id">Dialog id.</param>
    /// <param name="validator">Decides which answers are accepted; without one, every recognised answer is.</param>
    public ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : base(id, validator) { }

    /// <inheritdoc />
    protected override PromptRecognition<bool> Recognize(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        if (ConfirmRecognizer.Recognize(activity.Text) is { } answer)
        {
            return new(true, answer);
        }

        var found = options.Choices is { Count: 2 } choices ? ChoiceRecognizer.Recognize(activity.Text, choices) : null;
        return found is null ? PromptRecognition<bool>.Failed : new(true, found.Index == 0);
    }

    /// <inheritdoc />
    protected override Activity Render(ITurnContext turnContext, Activity prompt, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        return ChoiceRenderer.Render(turnContext.Activity, prompt, options.Choices ?? []);
    }
}
