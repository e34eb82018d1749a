namespace CompassionBot.Dialogs.Understanding;

/// <summary>A sparse feature vector of unit length: distinct indices in ascending order and their values.</summary>
/// <param name="Indices">The non-zero positions, ascending.</param>
/// <param name="Values">The value at each position.</param>
public sealed record SparseFeatures(int[] Indices, float[] Values)
{
    /// <summary>Sums signed hashes into buckets, drops the ones that cancel out and scales the rest to unit length.</summary>
    public static SparseFeatures FromHashes(List<(int Bucket, float Sign)> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        hashes.Sort(static (a, b) => a.Bucket.CompareTo(b.Bucket));
        var indices = new List<int>(hashes.Count);
        var values = new List<float>(hashes.Count);
        for (var i = 0; i < hashes.Count;)
        {
            var bucket = hashes[i].Bucket;
            var sum = 0f;
            for (; i < hashes.Count && hashes[i].Bucket == bucket; i++)
            {
                sum += hashes[i].Sign;
            }

            if (sum != 0)
            {
                indices.Add(bucket);
                values.Add(sum);
            }
        }

        var norm = 0.0;
        foreach (var value in values)
        {
            norm += value * value;
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        var scaled = new float[values.Count];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = values[i] * scale;
        }

        return new SparseFeatures([.. indices], scaled);
    }
}
