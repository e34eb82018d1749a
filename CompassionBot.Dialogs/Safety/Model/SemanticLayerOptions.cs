using System.ComponentModel.DataAnnotations;

namespace CompassionBot.Dialogs.Safety.Model;

/// <summary>The semantic layer of the crisis screen (section <c>Safety:Model</c>).</summary>
public sealed class SemanticLayerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Safety:Model";

    /// <summary>Whether the semantic layer runs. Default true; off leaves the rules alone (for comparisons, not for clinics).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Verdicts kept by canonical text, so a repeated message is not encoded again. Default 4,096; 0 turns the cache off.</summary>
    [Range(0, 1_000_000)]
    public int CacheSize { get; set; } = 4096;
}
