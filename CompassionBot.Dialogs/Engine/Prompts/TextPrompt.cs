using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>Recognises any non-empty text (trimmed); ends with a <see cref="PromptResult{T}"/> of <see cref="string"/>.</summary>
public sealed class TextPrompt : Prompt<string>
{
    /// <summary>Creates the prompt.</summary>
    /// <param name="id">Dialog id.</param>
    /// <param name="validator">Decides which answers are accepted; without one, every recognised answer is.</param>
    public TextPrompt(string id, PromptValidator<string>? validator = null) : base(id, validator) { }

    /// <inheritdoc />
    protected override PromptRecognition<string> Recognize(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.IsNullOrWhiteSpace(activity.Text) ? PromptRecognition<string>.Failed : new(true, activity.Text.Trim());
    }
}
