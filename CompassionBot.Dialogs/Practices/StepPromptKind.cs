namespace CompassionBot.Dialogs.Practices;

/// <summary>What a practice step asks of the person after its text.</summary>
public enum StepPromptKind
{
    /// <summary>Nothing: the step is an instruction, followed by a "continue" the dialog offers.</summary>
    None,

    /// <summary>A free-text answer.</summary>
    Text,

    /// <summary>One of the step's <see cref="PracticeStep.Choices"/> (1 to 3 titles).</summary>
    Choice,

    /// <summary>A whole number from 0 to 10.</summary>
    Rating,
}
