namespace CompassionBot.DirectLine;

/// <summary>Records that the Direct Line endpoints were mapped (so test hosts do not map them twice).</summary>
internal sealed class DirectLineMarker
{
    public bool Mapped { get; set; }
}
