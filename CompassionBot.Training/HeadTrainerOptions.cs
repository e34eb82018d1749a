namespace CompassionBot.Training;

/// <summary>How the crisis head is fitted and its thresholds chosen. The defaults are what the committed head used.</summary>
/// <param name="Buckets">Hash buckets for the words.</param>
/// <param name="L2Regularization">L2 weight penalty.</param>
/// <param name="Folds">Cross-validation folds for the validation predictions the thresholds are chosen on.</param>
/// <param name="Seed">Seed for ML.NET and the fold assignment.</param>
/// <param name="MaxNoneFlagged">Largest share of validation <c>none</c> messages a language's thresholds may flag (concern or crisis), rules included.</param>
/// <param name="MaxNoneAsCrisis">Largest share of validation <c>none</c> messages they may call a crisis, rules included.</param>
internal sealed record HeadTrainerOptions(
    int Buckets = 16384,
    float L2Regularization = 0.03f,
    int Folds = 5,
    int Seed = 1,
    double MaxNoneFlagged = 0.045,
    double MaxNoneAsCrisis = 0.015);
