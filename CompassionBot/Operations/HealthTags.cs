namespace CompassionBot.Operations;

/// <summary>Tags that select which health checks each probe endpoint runs.</summary>
internal static class HealthTags
{
    /// <summary>Checks <c>/readyz</c> runs (dependencies: storage).</summary>
    public const string Ready = "ready";

    /// <summary>Checks <c>/healthz</c> runs: none that touch a dependency, so liveness never fails because a database is down.</summary>
    public const string Live = "live";
}
