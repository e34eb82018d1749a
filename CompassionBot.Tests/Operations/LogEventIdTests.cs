namespace CompassionBot.Tests.Operations;

/// <summary>Every source-generated log event has an id of its own, so a log query by id finds one kind of event.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void LoggerMessages_InTheShippedAssemblies_HaveUniqueEventIds()
    {
        var events = ShippedLogMethods.All();

        var duplicates = events
            .GroupBy(m => m.Attribute.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}"))}")
            .ToList();

        Assert.True(events.Count > 50, $"only {events.Count} log events found: the scan is looking in the wrong place");
        Assert.Empty(duplicates);
    }
}
