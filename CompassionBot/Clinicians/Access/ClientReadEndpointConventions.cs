using CompassionBot.Clinicians.Clients;

namespace CompassionBot.Clinicians.Access;

/// <summary>Puts the reads of an endpoint on the <see cref="ClientAccessLog"/>.</summary>
internal static class ClientReadEndpointConventions
{
    /// <summary>
    /// Records every successful (2xx) answer of the endpoint (or file, such as a CSV download) as a read of <paramref name="kind"/> by the signed-in
    /// clinician, before the answer is written: a read that cannot be recorded fails (500) and shows nothing.
    /// </summary>
    /// <param name="builder">The endpoint (or group) whose reads are recorded.</param>
    /// <param name="kind">What it shows (<see cref="ClientReadKinds"/>).</param>
    /// <param name="clientOf">The client id from the answer's value; default the route's <c>{id}</c>. Null records nothing.</param>
    public static TBuilder RecordsClientRead<TBuilder>(this TBuilder builder, string kind, Func<object?, string?>? clientOf = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context).ConfigureAwait(false);
            var answer = result is INestedHttpResult nested ? nested.Result : result;
            if (answer is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } or IFileHttpResult
                && (clientOf is null ? context.HttpContext.GetRouteValue("id") as string : clientOf((answer as IValueHttpResult)?.Value)) is { } clientId)
            {
                var http = context.HttpContext;
                await http.RequestServices.GetRequiredService<ClientAccessLog>()
                    .RecordAsync(http.User.Clinician(), clientId, kind, http.RequestAborted).ConfigureAwait(false);
            }

            return result;
        });
}
