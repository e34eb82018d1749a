using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>Asks for a 0–10 rating; ends with a <see cref="PromptResult{T}"/> of <see cref="int"/>.</summary>
public sealed class RatingPrompt : Prompt<int>
{
    /// <summary>Creates the prompt.</summary>
    public RatingPrompt(string id) : base(id) { }

    /// <inheritdoc />
    protected override PromptRecognition<int> Recognize(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return RatingRecognizer.Recognize(activity.Text) is { } rating ? new(true, rating) : PromptRecognition<int>.Failed;
    }
}
