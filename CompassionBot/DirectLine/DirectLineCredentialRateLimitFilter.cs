namespace CompassionBot.DirectLine;

/// <summary>Applies <see cref="DirectLineCredentialRateLimiter"/> to a request its Direct Line policy has let through.</summary>
internal sealed class DirectLineCredentialRateLimitFilter(DirectLineCredentialRateLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        using var lease = limiter.Acquire(DirectLineAuthenticator.ReadCredential(context.HttpContext)!);
        return lease.IsAcquired ? await next(context).ConfigureAwait(false) : DirectLineResults.TooManyRequests(lease);
    }
}
