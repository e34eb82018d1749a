using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>Asks for a 0–10 rating; ends with a <see cref="PromptResult{T}"/> of <see cref="int"/>.</summary>
public sealed class RatingPrompt : Prompt<int>
{
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
}
