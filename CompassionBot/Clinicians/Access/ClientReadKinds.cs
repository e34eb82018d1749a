namespace CompassionBot.Clinicians.Access;

/// <summary>What part of a client's data a recorded read showed (the access log's <c>kind</c>).</summary>
internal static class ClientReadKinds
{
    /// <summary>The client record: alias, links, last activity, open alerts, check-in status.</summary>
    public const string Client = "client";

    /// <summary>Sessions, check-ins, safety events and consent changes.</summary>
    public const string Timeline = "timeline";

    /// <summary>The client's safety plan.</summary>
    public const string SafetyPlan = "safety-plan";

    /// <summary>The client's alerts (the inbox filtered by client; in the console, an admin's inbox showing another clinician's client).</summary>
    public const string Alerts = "alerts";

    /// <summary>An SMS check-in enrolment of the client.</summary>
    public const string Enrolment = "enrolment";

    /// <summary>The client's sessions as CSV (<c>sessions.csv</c>, from the API or the console).</summary>
    public const string Export = "export";

    /// <summary>The console's page of the client: the record, the distress chart, the timeline, the safety plan and the check-ins.</summary>
    public const string ConsolePage = "console-page";
}
