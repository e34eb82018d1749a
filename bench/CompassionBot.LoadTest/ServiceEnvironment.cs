namespace CompassionBot.LoadTest;

/// <summary>The environment every measured service runs with: its own fresh SQLite file, warnings-only logging, Production.</summary>
internal static class ServiceEnvironment
{
    public static Dictionary<string, string> ForFolder(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder.FullName, "bench.db")}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
    }
}
