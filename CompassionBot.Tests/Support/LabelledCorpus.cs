using CompassionBot.Training;

namespace CompassionBot.Tests.Support;

/// <summary>The labelled safety corpus (<c>CompassionBot.Training/Corpus</c>), as copied to the test output.</summary>
internal static class LabelledCorpus
{
    /// <summary>The corpus folder in the test output.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Corpus");

    /// <summary>The files of <paramref name="folder"/> (<c>train</c> or <c>heldout</c>), relative to <see cref="Root"/>.</summary>
    public static IReadOnlyList<string> Files(string folder) => CorpusReader.Files(Root, folder);

    /// <summary>The messages of one file, named relative to <see cref="Root"/>.</summary>
    public static IReadOnlyList<LabelledMessage> Read(string file) => CorpusReader.Read(Root, [file]);
}
