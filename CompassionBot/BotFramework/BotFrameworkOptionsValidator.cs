using Microsoft.Extensions.Options;

namespace CompassionBot.BotFramework;

/// <summary>Checks <see cref="BotFrameworkOptions"/> at start-up and names every wrong combination.</summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        ValidateCredentials(options, errors);
        ValidateUrl(nameof(options.ToBotFromChannelOpenIdMetadataUrl), options.ToBotFromChannelOpenIdMetadataUrl, errors);
        ValidateUrl(nameof(options.ToBotFromEmulatorOpenIdMetadataUrl), options.ToBotFromEmulatorOpenIdMetadataUrl, errors);
        ValidateUrl(nameof(options.ToChannelFromBotLoginUrl), options.ToChannelFromBotLoginUrl, errors);
        if (string.IsNullOrWhiteSpace(options.ToBotFromChannelTokenIssuer))
        {
            errors.Add("ToBotFromChannelTokenIssuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ToChannelFromBotOAuthScope))
        {
            errors.Add("ToChannelFromBotOAuthScope must not be empty.");
        }

        if (options.DeliveryDedupWindow <= TimeSpan.Zero)
        {
            errors.Add("DeliveryDedupWindow must be positive (for example 03:00:00).");
        }

        if (options.AllowedTenantIds.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("AllowedTenantIds contains an empty entry.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateCredentials(BotFrameworkOptions options, List<string> errors)
    {
        var type = options.MicrosoftAppType;
        var hasPassword = !string.IsNullOrEmpty(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        if (options.IsLocalMode)
        {
            if (hasPassword || hasTenant)
            {
                errors.Add("MicrosoftAppPassword or MicrosoftAppTenantId is set but MicrosoftAppId is empty: set MicrosoftAppId, or remove them for local mode.");
            }

            return;
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            errors.Add("MicrosoftAppId must be the app registration's GUID (Azure portal: Azure Bot > Configuration).");
        }

        if (string.Equals(type, BotFrameworkAppTypes.MultiTenant, StringComparison.OrdinalIgnoreCase))
        {
            Require(!hasPassword, "MicrosoftAppType MultiTenant needs MicrosoftAppPassword (the app's client secret).", errors);
            Require(hasTenant, "MicrosoftAppType MultiTenant must not set MicrosoftAppTenantId; use SingleTenant for a single-tenant app.", errors);
        }
        else if (string.Equals(type, BotFrameworkAppTypes.SingleTenant, StringComparison.OrdinalIgnoreCase))
        {
            Require(!hasPassword, "MicrosoftAppType SingleTenant needs MicrosoftAppPassword (the app's client secret).", errors);
            Require(!hasTenant, "MicrosoftAppType SingleTenant needs MicrosoftAppTenantId.", errors);
        }
        else if (string.Equals(type, BotFrameworkAppTypes.UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
        {
            Require(hasPassword, "MicrosoftAppType UserAssignedMSI must not set MicrosoftAppPassword: the managed identity has no secret.", errors);
            Require(!hasTenant, "MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId.", errors);
        }
        else
        {
            errors.Add($"MicrosoftAppType '{type}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        if (hasTenant && !Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            errors.Add("MicrosoftAppTenantId must be the tenant's GUID.");
        }
    }

    private static void Require(bool failed, string message, List<string> errors)
    {
        if (failed)
        {
            errors.Add(message);
        }
    }

    private static void ValidateUrl(string name, Uri? url, List<string> errors)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            errors.Add($"{name} must be an absolute URL.");
        }
        else if (!LoopbackPolicy.IsAllowed(url))
        {
            errors.Add($"{name} must use https (http is accepted only for loopback addresses).");
        }
    }
}
