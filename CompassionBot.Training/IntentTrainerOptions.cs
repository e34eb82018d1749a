namespace CompassionBot.Training;

/// <summary>How the intent head is fitted and its threshold chosen. The defaults are what the committed head used
/// (chosen by cross-validation on the examples, never on the held-out sets).</summary>
/// <param name="Buckets">Hash buckets for the words.</param>
/// <param name="L2Regularization">L2 weight penalty.</param>
/// <param name="Folds">Cross-validation folds for the validation predictions the threshold is chosen on.</param>
/// <param name="Seed">Seed for ML.NET and the fold assignment.</param>
/// <param name="WrongIntentCost">How many abstentions one wrong intent is worth when the threshold is chosen: the threshold
/// maximises validation accuracy minus this times the share given a wrong intent.</param>
internal sealed record IntentTrainerOptions(
    int Buckets = 4096,
    float L2Regularization = 0.01f,
    int Folds = 5,
    int Seed = 1,
    double WrongIntentCost = 2);
