namespace CompassionBot.Tests.Deployment;

/// <summary>The files under <c>deploymentTemplates/azure/</c> of the repository these tests were built from.</summary>
internal static class AzureTemplateFiles
{
    /// <summary>The environments, each with <c>main.{name}.bicepparam</c> and its committed snapshot.</summary>
    public static readonly IReadOnlyList<string> Environments = ["dev", "prod"];

    /// <summary>The folder <c>deploymentTemplates/azure</c>.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "deploymentTemplates", "azure");

    /// <summary><c>main.bicep</c>.</summary>
    public static string MainTemplate => Path.Combine(Folder, "main.bicep");

    /// <summary><c>README.md</c>.</summary>
    public static string Readme => Path.Combine(Folder, "README.md");

    /// <summary>The parameters file of <paramref name="environment"/>.</summary>
    public static string ParametersFile(string environment) => Path.Combine(Folder, $"main.{environment}.bicepparam");

    /// <summary>The committed snapshot (evaluated resources) of <paramref name="environment"/>.</summary>
    public static string SnapshotFile(string environment) => Path.Combine(Folder, $"main.{environment}.snapshot.json");

    /// <summary>Copies the templates (Bicep, parameters and snapshots) to <paramref name="target"/>.</summary>
    public static void CopyTo(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CompassionBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CompassionBot.sln above {AppContext.BaseDirectory}.");
    }
}
