namespace CompassionBot.Dialogs.Safety.Model;

/// <summary>When the crisis head's scores raise a message's level; chosen per language on a validation split.</summary>
/// <param name="Concern">At or above this <see cref="ModelScores.AnyRisk"/> the message gets at least concern.</param>
/// <param name="Crisis">At or above this <see cref="ModelScores.Crisis"/> the message is a crisis.</param>
public sealed record ModelThresholds(float Concern, float Crisis);
