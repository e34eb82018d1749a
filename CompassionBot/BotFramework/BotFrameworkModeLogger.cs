using Microsoft.Extensions.Options;

namespace CompassionBot.BotFramework;

/// <summary>Says at start-up whether the endpoint authenticates (and loudly when it does not).</summary>
internal sealed class BotFrameworkModeLogger(IOptions<BotFrameworkOptions> options, ILogger<BotFrameworkModeLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var value = options.Value;
        if (value.IsLocalMode)
        {
            Log.LocalMode(logger);
        }
        else
        {
            Log.AuthenticatedMode(logger, value.MicrosoftAppType, value.AllowedTenantIds.Count);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
