using System.Net;
using System.Text;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Hosting;

/// <summary>The built service started from a folder other than its own finds what lies next to its binaries.</summary>
public sealed class ContentRootTests
{
    [Fact]
    public async Task Start_FromAnotherWorkingDirectory_ServesTheDemoPageAndReadsItsAppSettings()
    {
        var ct = TestContext.Current.CancellationToken;
        using var elsewhere = new TempDirectory();
        var executable = ServiceProcess.LocateExecutable();
        await using var sut = await ServiceProcess.StartAsync(
            new Dictionary<string, string> { ["Storage__Provider"] = "Memory" }, executable, workingDirectory: elsewhere.Path, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = sut.BaseAddress };

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        using var bundle = await http.GetAsync(new Uri("/lib/webchat.js", UriKind.Relative), ct);
        using var content = new StringContent("{", Encoding.UTF8, "application/json");
        using var rejected = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, ct);
        await sut.WaitForOutputAsync("Rejected /api/messages request", ct);

        Assert.Contains("<title>CompassionBot</title>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains($"Content root path: {Path.GetDirectoryName(executable)}", sut.Output, StringComparison.Ordinal);

        // appsettings.json keeps Microsoft.AspNetCore at Warning; without it every request is logged at Information. The
        // console writes in order, so the rejection's line above means the requests' lines would be there by now.
        Assert.DoesNotContain("Request starting", sut.Output, StringComparison.Ordinal);
    }
}
