using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The words of every safety response, for a region and a language, so that each path that answers a person (the gate,
/// an unserved tenant, the turn-error handler, SMS from an unknown number) says the same thing. Texts come from
/// <c>gate.messages</c> and <c>referrals.messages</c>; each fits one SMS.
/// </summary>
public static class SafetyTexts
{
    /// <summary>The referral: after an overdose or in danger, the urgent line first; then the crisis line; the person's
    /// safety plan when the clinic has one; and, when <paramref name="clinic"/> is given, the clinic's contact.</summary>
    public static IReadOnlyList<string> Referral(MessageCatalog messages, string locale, string region, CrisisUrgency urgency, ClinicLine? clinic = null, string? safetyPlan = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var texts = new List<string>();
        AddUrgent(texts, messages, locale, region, urgency);
        texts.Add(messages.Get("crisis.referral", locale));
        texts.Add(RegionText(messages, "referral.", region, locale));
        if (safetyPlan is not null)
        {
            texts.Add(messages.Get("crisis.safetyplan", locale, ("plan", safetyPlan)));
        }

        if (clinic is not null)
        {
            // Only a clinic that receives alerts is promised one; otherwise the person is asked to tell their clinician.
            texts.Add(messages.Get(clinic.Alerted ? "crisis.clinic" : "crisis.clinic.tell", locale, ("clinicContact", clinic.Contact)));
        }

        return texts;
    }

    /// <summary>The referral again, shorter, for a new crisis message in crisis mode or a "no" to "are you safe?".</summary>
    public static IReadOnlyList<string> ReferralAgain(MessageCatalog messages, string locale, string region, CrisisUrgency urgency)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var texts = new List<string>();
        AddUrgent(texts, messages, locale, region, urgency);
        texts.Add(messages.Get("crisis.again", locale));
        texts.Add(RegionText(messages, "referral.", region, locale));
        return texts;
    }

    /// <summary>The reply to anything else in crisis mode: the line again and, after a referral without urgency, "are you
    /// safe right now?"; after an overdose, the urgent line; in danger, the emergency number.</summary>
    public static string CrisisModeReminder(MessageCatalog messages, string locale, string region, CrisisUrgency urgency)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return urgency switch
        {
            CrisisUrgency.Overdose => messages.Get("crisis.mode.overdose", locale, ("urgentLine", RegionText(messages, "urgentLine.", region, locale))),
            CrisisUrgency.Danger => messages.Get("crisis.mode.danger", locale, ("emergencyLine", RegionText(messages, CrisisLine.EmergencyKeyPrefix, region, locale))),
            _ => messages.Get("crisis.mode.ask", locale, ("crisisLine", RegionText(messages, CrisisLine.KeyPrefix, region, locale))),
        };
    }

    /// <summary>The urgency of a crisis from the rules that found it: an overdose or poison taken, or danger from someone.</summary>
    public static CrisisUrgency UrgencyOf(SafetyAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Rules.Contains(OverdoseRule) ? CrisisUrgency.Overdose
            : assessment.Rules.Contains(DangerRule) ? CrisisUrgency.Danger
            : CrisisUrgency.Standard;
    }

    /// <summary>The crisis rule for an overdose or poison taken.</summary>
    public const string OverdoseRule = "overdose";

    /// <summary>The crisis rule for danger from another person.</summary>
    public const string DangerRule = "danger";

    private static void AddUrgent(List<string> texts, MessageCatalog messages, string locale, string region, CrisisUrgency urgency)
    {
        if (urgency != CrisisUrgency.Standard)
        {
            texts.Add(RegionText(messages, urgency == CrisisUrgency.Overdose ? "urgent.overdose." : "urgent.danger.", region, locale));
        }
    }

    private static string RegionText(MessageCatalog messages, string prefix, string region, string locale) =>
        messages.Get(CrisisRegion.MessageKey(messages, prefix, region), locale);
}
