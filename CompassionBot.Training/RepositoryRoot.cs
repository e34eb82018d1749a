namespace CompassionBot.Training;

/// <summary>Finds the repository (the folder with <c>CompassionBot.sln</c>) from the working directory or the binaries.</summary>
internal static class RepositoryRoot
{
    /// <summary>The repository's root folder.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither the working directory nor the binaries are inside it.</exception>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CompassionBot.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Run the training command inside the CompassionBot repository.");
    }
}
