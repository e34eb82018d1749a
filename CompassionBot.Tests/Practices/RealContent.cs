namespace CompassionBot.Tests.Practices;

/// <summary>Where the real content files land in the test output (copied from CompassionBot.Dialogs).</summary>
internal static class RealContent
{
    public static string RootPath { get; } = Path.Combine(AppContext.BaseDirectory, "Content");
}
