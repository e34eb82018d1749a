namespace CompassionBot.Dialogs.Intents;

/// <summary>Which layer of <see cref="IntentRecognizer"/> decided.</summary>
public enum IntentSource
{
    /// <summary>An offered option's name, number or position (<see cref="Engine.Prompts.ChoiceRecognizer"/>), or its
    /// name misspelt (unambiguously).</summary>
    Choice,

    /// <summary>A phrase list: interruptions, engagement signals, yes/no words, the choosing words.</summary>
    Phrase,

    /// <summary>A message of emoji alone (<c>Understanding/emoji.intents</c>).</summary>
    Emoji,

    /// <summary>The intent head, trained on the labelled examples, over the message's sentence embedding and words.</summary>
    Examples,

    /// <summary>Nothing decided: the message is empty, or the sentence encoder failed.</summary>
    Nothing,
}
