using System.Security.Claims;
using CompassionBot.Clinicians.Access;
using CompassionBot.Clinicians.Clients;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompassionBot.Clinicians.Console;

/// <summary>Maps the clinician console at <see cref="ClinicConsole.Prefix"/>: its pages, the sessions download, and its error pages.</summary>
internal static class ConsoleEndpoints
{
    /// <summary>Maps the console's pages and <c>/clinic/clients/{id}/sessions.csv</c>.</summary>
    public static IEndpointRouteBuilder MapClinicConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapRazorPages();
        endpoints.MapGet(ClinicConsole.Prefix + "/clients/{id}/sessions.csv", ExportSessionsAsync)
            .RequireAuthorization(ClinicConsole.Policy)
            .RecordsClientRead(ClientReadKinds.Export);
        return endpoints;
    }

    /// <summary>
    /// Console requests answered with an error status and no body (not found, a form without its anti-forgery token)
    /// get the console's error page instead of problem+json; everything else keeps problem+json. Add after the
    /// service-wide status code pages, so it is the first to see the status.
    /// </summary>
    public static IApplicationBuilder UseClinicConsoleErrorPages(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute(ClinicConsole.Prefix + "/error");
        return app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(ClinicConsole.Prefix, StringComparison.Ordinal)
                && context.Features.Get<IStatusCodePagesFeature>() is { } consolePages)
            {
                consolePages.Enabled = false;
            }

            return next(context);
        });
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> ExportSessionsAsync(
        string id, ClaimsPrincipal user, ClientAccess access, SessionsCsv csv, CancellationToken cancellationToken) =>
        await access.FindAsync(user, id, cancellationToken).ConfigureAwait(false) is null
            ? TypedResults.NotFound()
            : await csv.ExportAsync(id, cancellationToken).ConfigureAwait(false);
}
