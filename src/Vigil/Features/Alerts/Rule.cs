using Microsoft.EntityFrameworkCore;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Alerts;

/// <summary>
/// One rule of the catalogue (shared design RULES.md), in its own file under Rules/, named after its id. A rule
/// looks at what changed and reports findings; the engine turns findings into alerts, so no rule has to know
/// about duplicates, history or owners' inboxes.
/// </summary>
public interface IRule
{
    /// <summary>The stable id used in the API, the replay output and configuration, e.g. "course-of-conduct".</summary>
    string Id { get; }

    AlertSeverity DefaultSeverity { get; }

    /// <summary>The thresholds a force may change (RULES.md defaults), read with <see cref="RuleContext.ThresholdAsync"/>.</summary>
    IReadOnlyList<RuleThreshold> Thresholds => [];

    Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken);
}

/// <summary>
/// What was just written: the rules evaluate around these records only, so a write costs a few queries.
/// <see cref="Written"/> names any other record written (a screening, an order, a breach, advice…) by kind and
/// id, so a rule about a new kind of record needs no change to the engine or to this type.
/// </summary>
public sealed record RuleTrigger(
    IReadOnlyList<long> IncidentIds,
    IReadOnlyList<long>? CaseIds = null,
    IReadOnlyList<RecordRead>? ReadsDone = null,
    IReadOnlyList<WrittenRecord>? Written = null,
    TimeInterval? TimePassed = null)
{
    public IReadOnlyList<long> Cases => CaseIds ?? [];

    public IReadOnlyList<RecordRead> Reads => ReadsDone ?? [];

    public IReadOnlyList<WrittenRecord> Records => Written ?? [];

    /// <summary>The ids of the written records of one kind.</summary>
    public IEnumerable<long> RecordsOf(string kind) => Records.Where(r => r.Kind == kind).Select(r => r.Id);

    public static RuleTrigger ForRead(RecordRead read) => new([], null, [read]);

    /// <summary>An incident recorded or changed: named as written too, so rules about new information can tell it from a record merely about the incident.</summary>
    public static RuleTrigger ForIncident(long incidentId) => new([incidentId], Written: [new WrittenRecord(Audit.AuditEntities.Incident, incidentId)]);

    public static RuleTrigger ForCase(long caseId) => new([], [caseId]);

    public static RuleTrigger ForRecord(string kind, long id, IReadOnlyList<long>? incidentIds = null) => new(incidentIds ?? [], Written: [new WrittenRecord(kind, id)]);

    /// <summary>
    /// Time passed with nothing written: deadline rules look for deadlines falling in (From, To]. Each interval is
    /// run once (see <see cref="RuleClock"/>), so every deadline is seen exactly once, however often the clock runs.
    /// </summary>
    public static RuleTrigger ForTime(DateTimeOffset from, DateTimeOffset to) => new([], TimePassed: new TimeInterval(from, to));
}

/// <summary>An interval of time, open at <see cref="From"/> and closed at <see cref="To"/>.</summary>
public sealed record TimeInterval(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Whether a deadline falls in this interval.</summary>
    public bool Contains(DateTimeOffset deadline) => deadline > From && deadline <= To;
}

/// <summary>A record just written, by kind (the audit entity name, e.g. "Breach") and id.</summary>
public sealed record WrittenRecord(string Kind, long Id);

/// <summary>A read of a person's records, as the audit log captured it: who, which record or identity, and why.</summary>
public sealed record RecordRead(string UserId, string EntityType, long EntityId, string? Purpose);

/// <summary>The evaluation of one write: its time, what changed, and the findings the rules report.</summary>
public sealed class RuleContext(AppDbContext db, DateTimeOffset now, RuleTrigger trigger)
{
    private Dictionary<(long ForceId, string RuleId, string Name), int>? _settings;

    private readonly List<RuleFinding> _findings = [];

    public AppDbContext Db => db;

    public DateTimeOffset Now => now;

    public RuleTrigger Trigger => trigger;

    public IReadOnlyList<RuleFinding> Findings => _findings;

    public void Report(RuleFinding finding) => _findings.Add(finding);

    // Several rules look at the same incident and the same victim–suspect histories; each is read once per write
    // (measured: nine rules each reading them made the rules cost about 50 ms per write at 10,000 incidents).
    private readonly Dictionary<long, Identities.IncidentFacts?> _incidents = [];
    private List<(Identities.IncidentFacts Incident, PairHistory History)>? _pairs;

    internal async Task<Identities.IncidentFacts?> IncidentAsync(long incidentId, CancellationToken cancellationToken)
    {
        if (!_incidents.TryGetValue(incidentId, out var facts))
        {
            _incidents[incidentId] = facts = await Identities.IncidentAsync(db, incidentId, cancellationToken);
        }
        return facts;
    }

    /// <summary>
    /// The value of a rule's threshold for a force: the force's own setting if it has one, else the RULES.md
    /// default. The settings table is small and read once per write.
    /// </summary>
    public async Task<int> ThresholdAsync(IRule rule, RuleThreshold threshold, long forceId, CancellationToken cancellationToken)
    {
        _settings ??= await db.RuleSettings.AsNoTracking()
            .ToDictionaryAsync(s => (s.ForceId, s.RuleId, s.Name), s => s.Value, cancellationToken);
        return _settings.TryGetValue((forceId, rule.Id, threshold.Name), out var value) ? value : threshold.Default;
    }

    internal async Task<IReadOnlyList<(Identities.IncidentFacts Incident, PairHistory History)>> PairsAsync(CancellationToken cancellationToken) =>
        _pairs ??= await PairHistory.LoadAsync(this, cancellationToken);
}

/// <summary>
/// A rule's answer: this subject, in this force, deserves this alert, resting on these records, explained by this
/// message (a resource key and its arguments), for this owner.
/// </summary>
public sealed record RuleFinding(
    string RuleId,
    AlertSeverity Severity,
    long ForceId,
    string SubjectKey,
    IReadOnlyList<(AlertEvidenceKind Kind, long Id)> Evidence,
    string MessageKey,
    IReadOnlyList<string> MessageArguments,
    string OwnerRole,
    long? OwnerTeamId = null,
    string? OwnerOfficer = null);
