using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace CompassionBot.Training;

/// <summary>
/// Fits the intent head: ML.NET's multinomial logistic regression (L-BFGS, L2-regularised) over the embedding and the
/// hashed words. Single-threaded with a fixed seed: the same examples give the same weights.
/// </summary>
internal sealed class IntentHeadTrainer(IntentTrainerOptions options)
{
    /// <summary>The options.</summary>
    public IntentTrainerOptions Options { get; } = options;

    /// <summary>Fits weights for <paramref name="classes"/> classes on <paramref name="examples"/>, every class among them.</summary>
    public TrainedWeights Fit(IReadOnlyList<EncodedExample> examples, int classes)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var dimensions = examples[0].Embedding.Length;
        var length = dimensions + Options.Buckets;
        var rows = examples.Select(e => new Row { Features = Features(e, dimensions, length), Label = (uint)e.Class });
        var ml = new MLContext(seed: Options.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var keyed = ml.Transforms.Conversion.MapValueToKey(nameof(Row.Label), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data).Transform(data);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            L2Regularization = Options.L2Regularization,
            L1Regularization = 0,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 1000,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(keyed).Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out var fitted);
        if (fitted != classes)
        {
            throw new InvalidOperationException($"Every intent needs examples; the trainer saw {fitted} of {classes}.");
        }

        var dense = weights.Select(w => w.DenseValues().ToArray()).ToArray();
        return new TrainedWeights([.. dense.Select(w => w[..dimensions])], [.. dense.Select(w => w[dimensions..])], [.. model.GetBiases()]);
    }

    private static VBuffer<float> Features(EncodedExample example, int dimensions, int length)
    {
        var count = dimensions + example.Words.Indices.Length;
        var values = new float[count];
        var indices = new int[count];
        for (var d = 0; d < dimensions; d++)
        {
            values[d] = example.Embedding[d];
            indices[d] = d;
        }

        for (var i = 0; i < example.Words.Indices.Length; i++)
        {
            values[dimensions + i] = example.Words.Values[i];
            indices[dimensions + i] = dimensions + example.Words.Indices[i];
        }

        return new VBuffer<float>(length, count, values, indices);
    }

    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public uint Label { get; set; }
    }
}
