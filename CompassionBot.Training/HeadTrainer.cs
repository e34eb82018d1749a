using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace CompassionBot.Training;

/// <summary>
/// Fits the crisis head: ML.NET's multinomial logistic regression (L-BFGS, L2-regularised) over the embedding and the
/// hashed words, each class weighted by the inverse of its share so that the rarer concern messages count as much as
/// the others. Single-threaded with a fixed seed: the same messages give the same weights.
/// </summary>
internal sealed class HeadTrainer(HeadTrainerOptions options)
{
    /// <summary>The options.</summary>
    public HeadTrainerOptions Options { get; } = options;

    /// <summary>Fits weights on <paramref name="messages"/>.</summary>
    public TrainedWeights Fit(IReadOnlyList<PreparedMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var dimensions = messages[0].Embedding.Length;
        var length = dimensions + Options.Buckets;
        var classCounts = new double[3];
        foreach (var message in messages)
        {
            classCounts[message.Class]++;
        }

        var rows = messages.Select(m => new Row
        {
            Features = Sparse(m, dimensions, length),
            Label = (uint)m.Class,
            Weight = (float)(messages.Count / (3 * classCounts[m.Class])),
        });
        var ml = new MLContext(seed: Options.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var keyed = ml.Transforms.Conversion.MapValueToKey(nameof(Row.Label), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data).Transform(data);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L2Regularization = Options.L2Regularization,
            L1Regularization = 0,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 1000,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(keyed).Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out var classes);
        if (classes != 3)
        {
            throw new InvalidOperationException($"The corpus must have all three labels; the trainer saw {classes}.");
        }

        var dense = weights.Select(w => w.DenseValues().ToArray()).ToArray();
        return new TrainedWeights(
            [.. dense.Select(w => w[..dimensions])],
            [.. dense.Select(w => w[dimensions..])],
            [.. model.GetBiases()]);
    }

    private static VBuffer<float> Sparse(PreparedMessage message, int dimensions, int length)
    {
        var count = dimensions + message.Text.Indices.Length;
        var values = new float[count];
        var indices = new int[count];
        for (var d = 0; d < dimensions; d++)
        {
            values[d] = message.Embedding[d];
            indices[d] = d;
        }

        for (var i = 0; i < message.Text.Indices.Length; i++)
        {
            values[dimensions + i] = message.Text.Values[i];
            indices[dimensions + i] = dimensions + message.Text.Indices[i];
        }

        return new VBuffer<float>(length, count, values, indices);
    }

    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public uint Label { get; set; }

        public float Weight { get; set; }
    }
}
