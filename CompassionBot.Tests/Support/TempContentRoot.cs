namespace CompassionBot.Tests.Support;

/// <summary>A throw-away content root folder for content-validation tests; deleted on dispose.</summary>
internal sealed class TempContentRoot : IDisposable
{
    public TempContentRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compassionbot-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>Full path of the content root.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> (forward slashes) under the root.</summary>
    public void Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
