using Vigil.Features.Alerts;
using Vigil.Features.Evidence;
using Vigil.Features.Incidents;
using Vigil.Features.Screening;

namespace Vigil.Features.Offences;

/// <summary>The offences the guidance covers, in the order it shows them: start from s4A, then the rest.</summary>
public enum Offence
{
    S4A,
    S2A,
    S4,
    S2,
    S76,
    MaliciousCommunications,
}

/// <summary>How far the records go towards one point to prove.</summary>
public enum PointStatus
{
    Missing,
    Partly,
    Met,
}

/// <summary>The points to prove the guidance checks; each offence's checklist is some of them.</summary>
public enum Point
{
    CourseOfConduct,
    StalkingActs,
    Harassment,
    Knowledge,
    FearOnTwoOccasions,
    KnowledgeOfFear,
    SeriousEffect,
    KnowledgeOfEffect,
    ControllingBehaviour,
    PersonallyConnected,
    KnowledgeOfSeriousEffect,
    Sent,
    IndecentOrGrosslyOffensive,
    PurposeToDistress,
}

public enum SupportKind
{
    Incident,
    Evidence,
    ImpactEvidence,
    Screening,
}

/// <summary>A record a point rests on.</summary>
public sealed record Support(SupportKind Kind, long Id)
{
    public string Reference => Kind switch
    {
        SupportKind.Incident => Incident.Reference(Id),
        SupportKind.Evidence => EvidenceApi.Reference(Id),
        SupportKind.ImpactEvidence => ImpactEvidence.Reference(Id),
        _ => ScreeningApi.Reference(Id),
    };
}

/// <summary>
/// A sentence for the reader: a resource key and its arguments. Arguments are references and counts, or codes made
/// with <see cref="AlertText.Codes"/>, so the sentence is named in the reader's language when shown.
/// </summary>
public sealed record GuidanceNote(string Key, IReadOnlyList<string> Arguments);

public sealed record PointAssessment(Point Point, PointStatus Status, IReadOnlyList<Support> Support, IReadOnlyList<GuidanceNote> Missing);

public sealed record OffenceAssessment(Offence Offence, PointStatus Status, IReadOnlyList<PointAssessment> Points);

/// <summary>A kind of evidence not yet on the case that would help, and why (a resource key).</summary>
public sealed record HelpfulEvidence(string Kind, string ReasonKey);

public sealed record GuidanceResult(IReadOnlyList<OffenceAssessment> Offences, IReadOnlyList<HelpfulEvidence> Helpful, GuidanceNote? Decision);

/// <summary>What the guidance reads about a case: its incidents and every record on the case or its incidents.</summary>
public sealed record CaseFacts(
    IReadOnlyList<CaseFacts.IncidentFact> Incidents,
    IReadOnlyList<CaseFacts.EvidenceFact> Evidence,
    IReadOnlyList<CaseFacts.ImpactFact> Impact,
    IReadOnlyList<CaseFacts.ScreeningFact> Screenings,
    IReadOnlyList<Classification> DecisionsNewestFirst)
{
    public sealed record IncidentFact(
        long Id, DateTimeOffset OccurredFrom, Classification Classification, IReadOnlyList<Classification> Included,
        IReadOnlyList<Behaviour> Behaviours, IReadOnlyList<Channel> Channels, Relationship? Relationship,
        bool FearOfViolence, bool SeriousAlarmOrDistress, bool ChangedRoutine, bool Domestic)
    {
        public bool IsRecordedAs(Classification classification) => Classification == classification || Included.Contains(classification);
    }

    public sealed record EvidenceFact(long Id, EvidenceKind Kind, EvidenceStatus Status)
    {
        /// <summary>Held and usable: requested evidence is not yet evidence, and lost evidence never will be.</summary>
        public bool Held => Status is EvidenceStatus.Available or EvidenceStatus.Secured;
    }

    public sealed record ImpactFact(long Id, ImpactEvidenceKind Kind, IReadOnlySet<ImpactEffect> Effects, int? FearOccasions)
    {
        public bool Substantial => Effects.Any(ImpactEffects.SubstantialAdverse.Contains);
    }

    public sealed record ScreeningFact(long Id, bool FourYes);
}

/// <summary>
/// Reads a case's records against the points to prove of each offence and says, point by point, what supports it
/// and what is still missing. Pure: the handler gathers the facts, so each offence's answer can be tested alone.
/// It never decides: the officer does, and records why (the reviews asked forces to "start from s4A" and to record
/// why not stalking).
/// </summary>
public static class OffenceGuidance
{
    /// <summary>Since 31 January 2024 threats and false messages fall under the Online Safety Act 2023 (ss181, 179), not MCA s1.</summary>
    public static readonly DateTimeOffset OnlineSafetyActCommencement = new(2024, 1, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>From 5 April 2023 (Domestic Abuse Act 2021 s68) s76 covers former partners who no longer live together.</summary>
    public static readonly DateTimeOffset PostSeparationCommencement = new(2023, 4, 5, 0, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<Behaviour> Threats = [Behaviour.ThreatsOfViolence, Behaviour.ThreatToKill, Behaviour.Weapon];

    /// <summary>Behaviours that control or coerce as Vigil records them; money, isolation and daily rules are not among them.</summary>
    private static readonly HashSet<Behaviour> Controlling =
    [
        Behaviour.MonitoringOnline, Behaviour.TrackingDevice, Behaviour.AccountAccess, Behaviour.ThreatsOfViolence, Behaviour.ThreatToKill,
        Behaviour.Violence, Behaviour.Strangulation, Behaviour.Weapon, Behaviour.SexualViolence, Behaviour.SuicideThreats,
    ];

    private static readonly HashSet<Relationship> Connected = [Relationship.Partner, Relationship.ExPartner, Relationship.Family];

    private static readonly HashSet<Channel> Sending = [Channel.Phone, Channel.Text, Channel.SocialMedia, Channel.Email, Channel.Letter, Channel.Online];

    private static readonly HashSet<Channel> Digital = [Channel.Phone, Channel.Text, Channel.SocialMedia, Channel.Email, Channel.Online];

    private static readonly HashSet<EvidenceKind> MessageEvidence = [EvidenceKind.Messages, EvidenceKind.SocialMedia, EvidenceKind.PhoneDownload];

    public static GuidanceResult Assess(CaseFacts facts)
    {
        var reading = new Reading(facts);
        var offences = new List<OffenceAssessment>
        {
            Checklist(Offence.S4A, reading.CourseOfConduct(), reading.StalkingActs(), reading.SeriousEffect(s76: false), reading.Knowledge(Point.KnowledgeOfEffect)),
            Checklist(Offence.S2A, reading.CourseOfConduct(), reading.StalkingActs(), reading.Harassment(), reading.Knowledge(Point.Knowledge)),
            Checklist(Offence.S4, reading.CourseOfConduct(), reading.FearOnTwoOccasions(), reading.Knowledge(Point.KnowledgeOfFear)),
            Checklist(Offence.S2, reading.CourseOfConduct(), reading.Harassment(), reading.Knowledge(Point.Knowledge)),
            Checklist(Offence.S76, reading.ControllingBehaviour(), reading.PersonallyConnected(), reading.SeriousEffect(s76: true), reading.Knowledge(Point.KnowledgeOfSeriousEffect)),
            Checklist(Offence.MaliciousCommunications, reading.Sent(), reading.Content(), reading.Purpose()),
        };
        GuidanceNote? decision = null;
        var s4a = offences[0];
        var latest = facts.DecisionsNewestFirst.Count > 0 ? facts.DecisionsNewestFirst[0] : (Classification?)null;
        if (s4a.Status == PointStatus.Met && latest != Classification.StalkingS4A)
        {
            decision = latest is { } decided
                ? new GuidanceNote("Guidance.Decision.S4AMetDecidedOther", [AlertText.Codes(new[] { decided })])
                : new GuidanceNote("Guidance.Decision.S4AMetUndecided", []);
        }
        return new GuidanceResult(offences, reading.Helpful(), decision);
    }

    private static OffenceAssessment Checklist(Offence offence, params PointAssessment[] points)
    {
        var status = points.All(p => p.Status == PointStatus.Met) ? PointStatus.Met
            : points.All(p => p.Status == PointStatus.Missing) ? PointStatus.Missing
            : PointStatus.Partly;
        return new OffenceAssessment(offence, status, points);
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Refs(IEnumerable<Support> support) => string.Join(", ", support.Select(s => s.Reference));

    private static GuidanceNote Note(string key, params string[] arguments) => new(key, arguments);

    /// <summary>The facts once, with the groupings several points share.</summary>
    private sealed class Reading(CaseFacts facts)
    {
        private readonly IReadOnlyList<CaseFacts.IncidentFact> _incidents = [.. facts.Incidents.OrderBy(i => i.OccurredFrom).ThenBy(i => i.Id)];

        private static List<Support> Of(IEnumerable<CaseFacts.IncidentFact> incidents) => [.. incidents.Select(i => new Support(SupportKind.Incident, i.Id))];

        private static List<Support> Of(IEnumerable<CaseFacts.EvidenceFact> evidence) => [.. evidence.Select(e => new Support(SupportKind.Evidence, e.Id))];

        private static List<Support> Of(IEnumerable<CaseFacts.ImpactFact> impact) => [.. impact.Select(e => new Support(SupportKind.ImpactEvidence, e.Id))];

        private List<CaseFacts.IncidentFact> Incidents(Func<CaseFacts.IncidentFact, bool> where) => [.. _incidents.Where(where)];

        private List<CaseFacts.ImpactFact> Impact(Func<CaseFacts.ImpactFact, bool> where) => [.. facts.Impact.Where(where)];

        private List<CaseFacts.EvidenceFact> Held(Func<EvidenceKind, bool> kind) => [.. facts.Evidence.Where(e => e.Held && kind(e.Kind))];

        /// <summary>Occasions of fear: the incidents that record it, or the most any one account describes, whichever is more (not added: they may be the same occasions).</summary>
        private (int Occasions, List<Support> Support) Fear()
        {
            var incidents = Incidents(i => i.FearOfViolence);
            var accounts = Impact(e => e.Effects.Contains(ImpactEffect.FearOfViolence));
            var described = accounts.Count == 0 ? 0 : accounts.Max(e => e.FearOccasions ?? 1);
            return (Math.Max(incidents.Count, described), [.. Of(incidents), .. Of(accounts)]);
        }

        private List<CaseFacts.IncidentFact> ThreatIncidents() => Incidents(i => i.Behaviours.Any(Threats.Contains));

        public PointAssessment CourseOfConduct() => _incidents.Count switch
        {
            >= 2 => new(Point.CourseOfConduct, PointStatus.Met, Of(_incidents), []),
            1 => new(Point.CourseOfConduct, PointStatus.Partly, Of(_incidents), [Note("Guidance.Missing.OneOccasion", Refs(Of(_incidents)))]),
            _ => new(Point.CourseOfConduct, PointStatus.Missing, [], [Note("Guidance.Missing.NoIncidents")]),
        };

        public PointAssessment StalkingActs()
        {
            var acts = Incidents(i => i.Behaviours.Any(Behaviours.Stalking.Contains));
            var fourYes = facts.Screenings.Where(s => s.FourYes).Select(s => new Support(SupportKind.Screening, s.Id)).ToList();
            List<Support> support = [.. Of(acts), .. fourYes];
            if (acts.Count >= 2)
            {
                return new(Point.StalkingActs, PointStatus.Met, support, []);
            }
            if (acts.Count == 1)
            {
                var behaviours = acts[0].Behaviours.Where(Behaviours.Stalking.Contains).Order();
                return new(Point.StalkingActs, PointStatus.Partly, support, [Note("Guidance.Missing.StalkingActsOnce", Refs(Of(acts)), AlertText.Codes(behaviours))]);
            }
            return fourYes.Count > 0
                ? new(Point.StalkingActs, PointStatus.Partly, support, [Note("Guidance.Missing.StalkingActsFourOnly", Refs(fourYes))])
                : new(Point.StalkingActs, PointStatus.Missing, [], [Note("Guidance.Missing.StalkingActs")]);
        }

        public PointAssessment Harassment()
        {
            var flagged = Incidents(i => i.SeriousAlarmOrDistress || i.FearOfViolence);
            var described = Impact(e => e.Effects.Contains(ImpactEffect.SeriousAlarmOrDistress) || e.Effects.Contains(ImpactEffect.FearOfViolence));
            var statements = Held(k => k is EvidenceKind.Statement or EvidenceKind.ImpactStatement);
            var account = facts.Impact.Count > 0 || statements.Count > 0;
            List<Support> support = [.. Of(flagged), .. Of(described), .. Of(statements)];
            if ((flagged.Count > 0 || described.Count > 0) && account)
            {
                return new(Point.Harassment, PointStatus.Met, support, []);
            }
            if (flagged.Count > 0)
            {
                return new(Point.Harassment, PointStatus.Partly, support, [Note("Guidance.Missing.NoAccountOfDistress", Refs(Of(flagged)))]);
            }
            if (account)
            {
                List<Support> accounts = [.. Of(facts.Impact), .. Of(statements)];
                return new(Point.Harassment, PointStatus.Partly, accounts, [Note("Guidance.Missing.DistressNotDescribed", Refs(accounts))]);
            }
            return new(Point.Harassment, PointStatus.Missing, [], [Note("Guidance.Missing.Harassment")]);
        }

        /// <summary>
        /// The objective test: carrying on despite bail or order conditions shows he knew; for fear or a serious
        /// effect, so do threats of violence. Repetition alone makes it likely a reasonable person would know.
        /// </summary>
        public PointAssessment Knowledge(Point point)
        {
            var breaches = Incidents(i => i.Behaviours.Contains(Behaviour.BreachOfConditions)
                || i.IsRecordedAs(Classification.BreachOfOrder) || i.IsRecordedAs(Classification.BreachOfBail));
            List<CaseFacts.IncidentFact> threats = point == Point.Knowledge ? [] : ThreatIncidents();
            var shown = breaches.Union(threats).OrderBy(i => i.OccurredFrom).ThenBy(i => i.Id).ToList();
            if (shown.Count > 0)
            {
                return new(point, PointStatus.Met, Of(shown), []);
            }
            return _incidents.Count >= 2
                ? new(point, PointStatus.Partly, Of(_incidents), [Note("Guidance.Missing.KnowledgeRepeated", Count(_incidents.Count))])
                : new(point, PointStatus.Missing, [], [Note("Guidance.Missing.Knowledge")]);
        }

        public PointAssessment FearOnTwoOccasions()
        {
            var (occasions, support) = Fear();
            if (occasions >= 2)
            {
                return new(Point.FearOnTwoOccasions, PointStatus.Met, support, []);
            }
            if (occasions == 1)
            {
                return new(Point.FearOnTwoOccasions, PointStatus.Partly, support, [Note("Guidance.Missing.S4FearOnce", Refs(support))]);
            }
            var threats = Of(ThreatIncidents());
            return threats.Count > 0
                ? new(Point.FearOnTwoOccasions, PointStatus.Partly, threats, [Note("Guidance.Missing.FearThreatsOnly", Refs(threats))])
                : new(Point.FearOnTwoOccasions, PointStatus.Missing, [], [Note("Guidance.Missing.S4FearNone")]);
        }

        /// <summary>
        /// s4A(1)(b) and s76(4): fear of violence on two occasions, or serious alarm or distress with a substantial
        /// adverse effect on usual day-to-day activities. Alarm and effect may be recorded on different records: the
        /// effect is of the course of conduct as a whole.
        /// </summary>
        public PointAssessment SeriousEffect(bool s76)
        {
            var (occasions, fear) = Fear();
            var alarmIncidents = Incidents(i => i.SeriousAlarmOrDistress);
            var alarmAccounts = Impact(e => e.Effects.Contains(ImpactEffect.SeriousAlarmOrDistress));
            var effectIncidents = Incidents(i => i.ChangedRoutine);
            var effectAccounts = Impact(e => e.Substantial);
            List<Support> alarm = [.. Of(alarmIncidents), .. Of(alarmAccounts)];
            List<Support> effect = [.. Of(effectIncidents), .. Of(effectAccounts)];
            var fearMet = occasions >= 2;
            var alarmMet = alarm.Count > 0 && effect.Count > 0;
            if (fearMet || alarmMet)
            {
                List<Support> support = [.. fearMet ? fear : [], .. alarmMet ? alarm.Concat(effect) : []];
                return new(Point.SeriousEffect, PointStatus.Met, [.. support.Distinct()], []);
            }
            var notes = new List<GuidanceNote>();
            if (occasions == 1)
            {
                notes.Add(Note(s76 ? "Guidance.Missing.S76FearOnce" : "Guidance.Missing.S4AFearOnce", Refs(fear)));
            }
            if (alarm.Count > 0)
            {
                notes.Add(Note("Guidance.Missing.AdverseEffect", Refs(alarm)));
            }
            if (effect.Count > 0)
            {
                notes.Add(Note("Guidance.Missing.SeriousAlarm", Refs(effect), AlertText.Codes(EffectsOf(effectIncidents, effectAccounts))));
            }
            var statements = Of(Held(k => k == EvidenceKind.ImpactStatement));
            if (statements.Count > 0)
            {
                notes.Add(Note("Guidance.Missing.StatementNotRead", Refs(statements)));
            }
            var threats = occasions == 0 ? Of(ThreatIncidents()) : [];
            if (threats.Count > 0)
            {
                notes.Add(Note("Guidance.Missing.FearThreatsOnly", Refs(threats)));
            }
            List<Support> partial = [.. fear, .. alarm, .. effect, .. statements, .. threats];
            if (partial.Count == 0)
            {
                return new(Point.SeriousEffect, PointStatus.Missing, [], [Note("Guidance.Missing.SeriousEffectNone")]);
            }
            return new(Point.SeriousEffect, PointStatus.Partly, [.. partial.Distinct()], notes);
        }

        private static IEnumerable<ImpactEffect> EffectsOf(List<CaseFacts.IncidentFact> incidents, List<CaseFacts.ImpactFact> accounts) =>
            accounts.SelectMany(a => a.Effects).Where(ImpactEffects.SubstantialAdverse.Contains)
                .Concat(incidents.Count > 0 ? [ImpactEffect.ChangedRoutine] : [])
                .Distinct().Order();

        public PointAssessment ControllingBehaviour()
        {
            var control = Incidents(i => i.Behaviours.Any(Controlling.Contains) || i.IsRecordedAs(Classification.CoerciveControl));
            return control.Count switch
            {
                >= 2 => new(Point.ControllingBehaviour, PointStatus.Met, Of(control), []),
                1 => new(Point.ControllingBehaviour, PointStatus.Partly, Of(control), [Note("Guidance.Missing.ControlOnce", Refs(Of(control)))]),
                _ => new(Point.ControllingBehaviour, PointStatus.Missing, [], [Note("Guidance.Missing.Control")]),
            };
        }

        public PointAssessment PersonallyConnected()
        {
            var connected = Incidents(i => i.Relationship is { } r && Connected.Contains(r));
            if (connected.Count > 0)
            {
                // Before 5 April 2023 former partners were covered only while living together: say so when nothing later shows the connection.
                var onlyBefore = connected.All(i => i.Relationship == Relationship.ExPartner && i.OccurredFrom < PostSeparationCommencement);
                return onlyBefore
                    ? new(Point.PersonallyConnected, PointStatus.Partly, Of(connected), [Note("Guidance.Missing.BeforePostSeparation", Refs(Of(connected)))])
                    : new(Point.PersonallyConnected, PointStatus.Met, Of(connected), []);
            }
            var domestic = Incidents(i => i.Domestic);
            if (domestic.Count > 0)
            {
                return new(Point.PersonallyConnected, PointStatus.Partly, Of(domestic), [Note("Guidance.Missing.RelationshipDomestic", Refs(Of(domestic)))]);
            }
            var recorded = _incidents.Select(i => i.Relationship).OfType<Relationship>().Where(r => r != Relationship.Unknown).Distinct().Order().ToList();
            return recorded.Count > 0
                ? new(Point.PersonallyConnected, PointStatus.Missing, [], [Note("Guidance.Missing.NotConnected", AlertText.Codes(recorded))])
                : new(Point.PersonallyConnected, PointStatus.Missing, [], [Note("Guidance.Missing.RelationshipUnknown")]);
        }

        private List<CaseFacts.IncidentFact> Communications() => Incidents(i => i.Channels.Any(Sending.Contains)
            || i.IsRecordedAs(Classification.MaliciousCommunications) || i.IsRecordedAs(Classification.CommunicationsAct));

        public PointAssessment Sent()
        {
            var sent = Of(Communications());
            var held = Of(Held(MessageEvidence.Contains));
            if (sent.Count > 0 && held.Count > 0)
            {
                return new(Point.Sent, PointStatus.Met, [.. sent, .. held], []);
            }
            if (sent.Count > 0)
            {
                return new(Point.Sent, PointStatus.Partly, sent, [Note("Guidance.Missing.MessagesNotSecured", Refs(sent))]);
            }
            return held.Count > 0
                ? new(Point.Sent, PointStatus.Partly, held, [Note("Guidance.Missing.SendingNotRecorded", Refs(held))])
                : new(Point.Sent, PointStatus.Missing, [], [Note("Guidance.Missing.NoMessages")]);
        }

        /// <summary>Only a person reading the messages can say; Vigil shows whether there is anything to read and whether the officer has judged it.</summary>
        public PointAssessment Content()
        {
            var held = Of(Held(MessageEvidence.Contains));
            var judged = Of(Incidents(i => i.IsRecordedAs(Classification.MaliciousCommunications)));
            var threatsSince = Of(Communications().Where(i => i.OccurredFrom >= OnlineSafetyActCommencement && i.Behaviours.Any(Threats.Contains)));
            var notes = new List<GuidanceNote>();
            if (held.Count == 0)
            {
                notes.Add(Note("Guidance.Missing.NoContent"));
            }
            else if (judged.Count == 0)
            {
                notes.Add(Note("Guidance.Missing.ContentToJudge", Refs(held)));
            }
            if (threatsSince.Count > 0)
            {
                notes.Add(Note("Guidance.Missing.ThreatsOnlineSafetyAct", Refs(threatsSince)));
            }
            var status = held.Count > 0 && judged.Count > 0 ? PointStatus.Met : held.Count > 0 || judged.Count > 0 ? PointStatus.Partly : PointStatus.Missing;
            return new(Point.IndecentOrGrosslyOffensive, status, [.. judged, .. held], notes);
        }

        public PointAssessment Purpose()
        {
            var distressing = Of(Communications().Where(i => i.SeriousAlarmOrDistress || i.FearOfViolence));
            var held = Of(Held(MessageEvidence.Contains));
            if (distressing.Count > 0 && held.Count > 0)
            {
                return new(Point.PurposeToDistress, PointStatus.Met, [.. distressing, .. held], []);
            }
            List<Support> some = [.. distressing, .. held];
            return some.Count > 0
                ? new(Point.PurposeToDistress, PointStatus.Partly, some, [Note("Guidance.Missing.Purpose")])
                : new(Point.PurposeToDistress, PointStatus.Missing, [], [Note("Guidance.Missing.Purpose")]);
        }

        /// <summary>Kinds of evidence not recorded at all on the case that fit what happened, each with why it helps.</summary>
        public IReadOnlyList<HelpfulEvidence> Helpful()
        {
            var recorded = facts.Evidence.Select(e => e.Kind).ToHashSet();
            var channels = _incidents.SelectMany(i => i.Channels).ToHashSet();
            var behaviours = _incidents.SelectMany(i => i.Behaviours).ToHashSet();
            var inPerson = channels.Contains(Channel.InPerson) || behaviours.Overlaps([Behaviour.Following, Behaviour.Loitering, Behaviour.Watching,
                Behaviour.TurningUpAtHome, Behaviour.TurningUpAtWork, Behaviour.Damage, Behaviour.InterferingWithProperty]);
            var digital = channels.Overlaps(Digital) || behaviours.Overlaps([Behaviour.MonitoringOnline, Behaviour.AccountAccess, Behaviour.TrackingDevice]);
            var messages = channels.Overlaps([Channel.Text, Channel.Email, Channel.SocialMedia, Channel.Online, Channel.Letter]);
            var online = channels.Overlaps([Channel.SocialMedia, Channel.Online]) || behaviours.Overlaps([Behaviour.Publishing, Behaviour.MonitoringOnline]);
            var helps = new List<HelpfulEvidence>();
            if (facts.Impact.Count == 0)
            {
                helps.Add(new("ImpactEvidence", "Guidance.Helps.ImpactEvidence"));
            }
            foreach (var kind in Enum.GetValues<EvidenceKind>().Where(k => !recorded.Contains(k)))
            {
                var fits = kind switch
                {
                    EvidenceKind.CCTV or EvidenceKind.BodyWornVideo => inPerson,
                    EvidenceKind.PhoneDownload => digital,
                    EvidenceKind.Messages => messages,
                    EvidenceKind.SocialMedia => online,
                    _ => true,
                };
                if (fits)
                {
                    helps.Add(new(kind.ToString(), $"Guidance.Helps.{kind}"));
                }
            }
            return helps;
        }
    }
}
