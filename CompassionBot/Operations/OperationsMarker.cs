namespace CompassionBot.Operations;

/// <summary>Records that the probe endpoints were mapped (so test hosts do not map them twice).</summary>
internal sealed class OperationsMarker
{
    public bool Mapped { get; set; }
}
