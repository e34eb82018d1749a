namespace CompassionBot.Hosting;

/// <summary>Runs the service (the default verb).</summary>
internal static class WebApplicationExtensions
{
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
