namespace CompassionBot.Dialogs.Content;

/// <summary>Where content files live and which locales are served.</summary>
public sealed class ContentOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Content";

    /// <summary>Root folder of the content files; default <c>Content</c> under the application's base directory.</summary>
    public string? RootPath { get; set; }

    /// <summary>Locale used when neither the activity nor the profile names a supported one. Default <c>en</c>.</summary>
    public string DefaultLocale { get; set; } = "en";

    /// <summary>The resolved root folder.</summary>
    public string ResolvedRootPath => string.IsNullOrWhiteSpace(RootPath) ? Path.Combine(AppContext.BaseDirectory, "Content") : RootPath;
}
