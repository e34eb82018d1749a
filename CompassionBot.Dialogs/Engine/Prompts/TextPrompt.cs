using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>Accepts any non-empty text; ends with a <see cref="PromptResult{T}"/> of <see cref="string"/>.</summary>
public sealed class TextPrompt : Prompt<string>
{
    /// <summary>Creates the prompt.</summary>
    public TextPrompt(string id) : base(id) { }

    /// <inheritdoc />
    protected override PromptRecognition<string> Recognize(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.IsNullOrWhiteSpace(activity.Text) ? PromptRecognition<string>.Failed : new(true, activity.Text.Trim());
    }
}
