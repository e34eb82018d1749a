using Microsoft.Extensions.Options;

namespace CompassionBot.Sms;

/// <summary>Says at start-up when SMS is off because Twilio is not configured.</summary>
internal sealed class SmsModeLogger(IOptions<SmsOptions> options, ILogger<SmsModeLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            Log.SmsDisabled(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
