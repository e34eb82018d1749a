namespace CompassionBot.Dialogs.Engagement;

/// <summary>
/// The kind of a practice. Routing offers alternatives from a <em>different</em> family when a practice does not
/// resonate, so the person's history records each session's family. In content files a family is written in lower case
/// with dashes (<c>care-for-others</c>; <c>Practices.PracticeFamilies</c> maps the two).
/// </summary>
public enum PracticeFamily
{
    /// <summary>Eyes-closed or quiet reflective practice (self-compassion break, loving-kindness). Key <c>meditative</c>.</summary>
    Meditative,

    /// <summary>Imagination-based practice (compassionate other, compassionate self). Key <c>imagery</c>.</summary>
    Imagery,

    /// <summary>Body-based practice (soothing touch, soothing-rhythm breathing). Key <c>somatic</c>.</summary>
    Somatic,

    /// <summary>Reflective writing (compassionate letter, how would you treat a friend). Key <c>writing</c>.</summary>
    Writing,

    /// <summary>Doing something concrete (a small act of kindness, meeting a need). Key <c>action</c>.</summary>
    Action,

    /// <summary>Noticing what went well (three good things). Key <c>gratitude</c>.</summary>
    Gratitude,

    /// <summary>Caring for someone else (e.g. writing a kind reply to a person having a rough day). Key <c>care-for-others</c>.</summary>
    CareForOthers,
}
