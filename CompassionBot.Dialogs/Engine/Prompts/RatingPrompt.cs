using System.Globalization;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks for a 0–10 rating, with the eleven numbers as buttons where the channel shows buttons (a text-only channel such
/// as SMS is asked for the number alone); ends with a <see cref="PromptResult{T}"/> of <see cref="int"/>.
/// </summary>
public sealed class RatingPrompt : Prompt<int>
{
    private static readonly Choice[] Scale = [.. Enumerable.Range(0, 11).Select(n => new Choice(n.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>Creates the prompt.</summary>
    /// <param name="id">Dialog id.</param>
    /// <param name="validator">Decides which answers are accepted; without one, every recognised answer is.</param>
    public RatingPrompt(string id, PromptValidator<int>? validator = null) : base(id, validator) { }

    /// <inheritdoc />
    protected override PromptRecognition<int> Recognize(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return RatingRecognizer.Recognize(activity.Text) is { } rating ? new(true, rating) : PromptRecognition<int>.Failed;
    }

    /// <inheritdoc />
    protected override Activity Render(ITurnContext turnContext, Activity prompt, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(prompt);
        return ChoiceRenderer.ShowsButtons(turnContext.Activity, Scale.Length) && prompt.SuggestedActions is null && prompt.Attachments is null
            ? ChoiceRenderer.Render(turnContext.Activity, prompt, Scale)
            : prompt;
    }
}
