using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Considerations;
using Vigil.Features.Evidence;
using Vigil.Features.Forces;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.People;
using Vigil.Features.Referrals;
using Vigil.Features.Risk;
using Vigil.Features.Screening;
using Vigil.Features.Users;
using Vigil.Features.VictimCare;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Timeline;

/// <summary>
/// Applies a timeline's events one at a time through the application's own handlers — the code the pages and
/// the API use — acting as a user of the event's force. Each event is one transaction: its records, audit events
/// and the alerts its rules raise commit together or not at all. On import, the transaction also records how far
/// the import got and the refs defined, so an interrupted import resumes exactly where it stopped.
/// </summary>
public sealed class TimelineApplier(IServiceProvider services, TimelineDocument timeline, bool import, string sha256)
{
    private static readonly string[] ActingRoles = [Roles.Investigator, Roles.Supervisor, Roles.StalkingSpoc];

    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClaimsPrincipal> _actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _officers = new(StringComparer.Ordinal);
    private long? _importId;

    private string Prefix => import ? "import" : "replay";

    /// <summary>The index of the first event still to apply (non-zero when resuming an interrupted import).</summary>
    public int FirstEvent { get; private set; }

    /// <summary>Whether an earlier run already imported the whole file.</summary>
    public bool AlreadyComplete { get; private set; }

    /// <summary>
    /// Makes sure the file's forces and teams exist (matched by code; missing ones created as the format says),
    /// with an acting user for each, and on import finds or starts the import record.
    /// </summary>
    public async Task PrepareAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var roles = new List<IdentityRole>();
        foreach (var name in ActingRoles)
        {
            var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == name);
            if (role is null)
            {
                role = new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() };
                db.Roles.Add(role);
            }
            roles.Add(role);
        }
        foreach (var f in timeline.Forces)
        {
            var force = await db.Forces.Include(x => x.Teams).FirstOrDefaultAsync(x => x.Code == f.Code);
            if (force is null)
            {
                force = new Force { Code = f.Code, Name = f.Name };
                db.Forces.Add(force);
            }
            foreach (var team in f.Teams.Where(t => force.Teams.All(x => x.Code != t.Code)))
            {
                force.Teams.Add(new Team { Code = team.Code, Name = team.Name, Specialist = team.Specialist });
            }
            foreach (var team in timeline.UndeclaredTeams.Where(t => t.Force == f.Code && force.Teams.All(x => x.Code != t.Code)))
            {
                force.Teams.Add(new Team { Code = team.Code, Name = team.Code, Specialist = false });
            }
            await db.SaveChangesAsync();
            var userId = $"{Prefix}-{f.Code.ToLowerInvariant()}";
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
            if (user is null)
            {
                user = new VigilUser
                {
                    Id = userId,
                    UserName = $"{Prefix}.{f.Code.ToLowerInvariant()}",
                    NormalizedUserName = $"{Prefix}.{f.Code}".ToUpperInvariant(),
                    DisplayName = $"{(import ? "Import" : "Replay")} ({f.Code})",
                    ForceId = force.Id,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                db.Users.Add(user);
                db.UserRoles.AddRange(roles.Select(r => new IdentityUserRole<string> { UserId = user.Id, RoleId = r.Id }));
            }
            _actors[f.Code] = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Name, user.UserName!),
                new Claim(VigilClaims.DisplayName, user.DisplayName),
                new Claim(VigilClaims.ForceId, force.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(VigilClaims.ForceCode, f.Code),
                .. ActingRoles.Select(r => new Claim(ClaimTypes.Role, r)),
            ], Prefix));
        }
        await db.SaveChangesAsync();
        if (!import)
        {
            return;
        }
        var existing = await db.TimelineImports.Include(i => i.Refs).FirstOrDefaultAsync(i => i.Sha256 == sha256);
        if (existing is null)
        {
            existing = new TimelineImport { Sha256 = sha256, Title = timeline.Title ?? "", StartedAt = services.GetRequiredService<TimeProvider>().GetUtcNow() };
            db.Add(existing);
            await db.SaveChangesAsync();
        }
        _importId = existing.Id;
        FirstEvent = existing.EventsApplied;
        AlreadyComplete = existing.CompletedAt is not null;
        foreach (var r in existing.Refs)
        {
            _ids[r.Ref] = r.EntityId;
        }
    }

    /// <summary>
    /// Runs the rules for the time passed up to the clock (set by the caller to the next event's time, or to the
    /// end of a replay), so deadline rules fire in a replay or an import exactly as they would have live.
    /// </summary>
    public async Task AdvanceClockAsync()
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RuleClock>().AdvanceAsync(CancellationToken.None);
    }

    /// <summary>Applies one event in one transaction; returns the problem if a handler refused it (nothing is then written).</summary>
    public async Task<string?> ApplyAsync(TimelineEvent e)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        var defined = new List<(string Ref, TimelineRefKind Kind, long Id)>();
        var outcome = await db.RunAsync<bool>(async ct =>
        {
            if (await ApplyEventAsync(provider, e, defined) is { } failure)
            {
                return failure;
            }
            if (_importId is { } importId)
            {
                var progress = await db.TimelineImports.FirstAsync(i => i.Id == importId, ct);
                progress.EventsApplied = e.Index + 1;
                if (e.Index == timeline.Events.Count - 1)
                {
                    progress.CompletedAt = provider.GetRequiredService<TimeProvider>().GetUtcNow();
                }
                db.AddRange(defined.Select(d => new TimelineImportRef { ImportId = importId, Ref = d.Ref, Kind = d.Kind, EntityId = d.Id }));
                await db.SaveChangesAsync(ct);
            }
            return true;
        }, CancellationToken.None);
        if (outcome.Failure is { } refused)
        {
            return Describe(refused, provider.GetRequiredService<IStringLocalizer<SharedResource>>());
        }
        foreach (var d in defined)
        {
            _ids[d.Ref] = d.Id;
        }
        return null;
    }

    private async Task<Failure?> ApplyEventAsync(IServiceProvider provider, TimelineEvent e, List<(string Ref, TimelineRefKind Kind, long Id)> defined)
    {
        var none = CancellationToken.None;
        Failure? Keep<T>(Outcome<T> outcome, string? @ref, TimelineRefKind kind, Func<T, long> id)
        {
            if (outcome.Succeeded && @ref is not null)
            {
                defined.Add((@ref, kind, id(outcome.Value!)));
            }
            return outcome.Failure;
        }
        switch (e)
        {
            case PersonEvent p:
                ActAs(provider, p.Force);
                return Keep(await provider.GetRequiredService<AddPersonRecordHandler>().HandleAsync(ToInput(p), none), p.Ref, TimelineRefKind.Person, id => id);
            case IncidentEvent i:
                ActAs(provider, i.Force);
                return Keep(await provider.GetRequiredService<RecordIncidentHandler>().HandleAsync(ToRequest(i), none), i.Ref, TimelineRefKind.Incident, r => r.Id);
            case CaseEvent c:
                {
                    var caseForce = ForceOf(c.Incidents[0]);
                    ActAs(provider, caseForce);
                    var parties = timeline.Events.OfType<IncidentEvent>().First(x => x.Ref == c.Incidents[0]).Parties;
                    var victim = parties.FirstOrDefault(x => x.Role == PartyRole.Victim);
                    var suspect = parties.FirstOrDefault(x => x.Role == PartyRole.Suspect);
                    var officer = c.Officer is null ? null : await OfficerAsync(provider, caseForce, c.Officer);
                    return Keep(await provider.GetRequiredService<OpenCaseHandler>().HandleAsync(new OpenCaseRequest(
                        [.. c.Incidents.Select(r => _ids[r])], victim is null ? null : _ids[victim.Person], suspect is null ? null : _ids[suspect.Person],
                        officer, c.Team, c.Offence?.ToString(), c.Rationale), none), c.Ref, TimelineRefKind.Case, r => r.Id);
                }
            case IncidentUpdateEvent u:
                {
                    var incidentId = _ids[u.Incident];
                    ActAs(provider, ForceOf(u.Incident));
                    var version = await provider.GetRequiredService<AppDbContext>().Incidents.Where(x => x.Id == incidentId).Select(x => x.Version).FirstAsync(none);
                    return (await provider.GetRequiredService<UpdateIncidentHandler>().HandleAsync(incidentId, new UpdateIncidentRequest(
                        version.ToString(), u.Classification?.ToString(), null, u.RecordedAsCrime, u.Narrative,
                        u.Behaviours?.Select(b => b.ToString()).ToList(), null,
                        u.Impact is { } m ? new ImpactInput(m.FearOfViolence, m.SeriousAlarmOrDistress, m.ChangedRoutine) : null, null, null, null), none)).Failure;
                }
            case CaseUpdateEvent u:
                return await UpdateCaseAsync(provider, u);
            case ScreeningEvent s:
                ActAs(provider, ForceOf(s.Incident ?? s.Case!));
                return (await provider.GetRequiredService<RecordScreeningHandler>().HandleAsync(new RecordScreeningRequest(
                    Id(s.Incident), Id(s.Case), s.Fixated, s.Obsessive, s.Unwanted, s.Repeated, new Dictionary<string, bool>(s.Answers), s.By), none)).Failure;
            case RiskAssessmentEvent r:
                ActAs(provider, ForceOf(r.Incident ?? r.Case!));
                return Keep(await provider.GetRequiredService<RecordRiskAssessmentHandler>().HandleAsync(new RecordRiskAssessmentRequest(
                    _ids[r.Victim], Id(r.Incident), Id(r.Case), r.Tool.ToString(), new Dictionary<string, bool>(r.Answers), r.Grade?.ToString(), r.Rationale, r.By), none),
                    r.Ref, TimelineRefKind.RiskAssessment, x => x.Id);
            case OrderEvent o:
                ActAs(provider, o.Force);
                return Keep(await provider.GetRequiredService<RecordOrderHandler>().HandleAsync(new RecordOrderRequest(
                    o.OrderType.ToString(), _ids[o.Subject], [.. o.Protected.Select(p => _ids[p])], o.Status.ToString(), o.Starts, o.Ends,
                    [.. o.Conditions.Select(ToInput)], o.Address), none), o.Ref, TimelineRefKind.Order, x => x.Id);
            case OrderUpdateEvent u:
                {
                    var orderId = _ids[u.Order];
                    ActAs(provider, ForceOf(u.Order));
                    var version = await provider.GetRequiredService<AppDbContext>().Orders.Where(x => x.Id == orderId).Select(x => x.Version).FirstAsync(none);
                    return (await provider.GetRequiredService<UpdateOrderHandler>().HandleAsync(orderId, new UpdateOrderRequest(
                        version.ToString(), u.Status?.ToString(), u.Ends, u.Conditions?.Select(ToInput).ToList(), u.OrderType?.ToString()), none)).Failure;
                }
            case BreachEvent b:
                ActAs(provider, ForceOf(b.Order));
                return Keep(await provider.GetRequiredService<RecordBreachHandler>().HandleAsync(new RecordBreachRequest(
                    _ids[b.Order], b.OccurredAt, Id(b.ReportedBy), b.Description, b.Condition,
                    b.Location is { } l ? new LocationInput(l.Text, l.Lat, l.Lon) : null, b.Action?.ToString(), b.Rationale), none),
                    b.Ref, TimelineRefKind.Breach, x => x.Id);
            case SightingEvent s:
                ActAs(provider, ForceOf(s.Person));
                return (await provider.GetRequiredService<RecordSightingHandler>().HandleAsync(new RecordSightingRequest(
                    _ids[s.Person], s.Kind.ToString(), new LocationInput(s.Location.Text, s.Location.Lat, s.Location.Lon)), none)).Failure;
            case ConsiderationEvent c:
                ActAs(provider, ForceOf(c.Incident ?? c.Case!));
                return (await provider.GetRequiredService<RecordConsiderationHandler>().HandleAsync(new RecordConsiderationRequest(
                    Id(c.Incident), Id(c.Case), c.What.ToString(), c.Decision.ToString(), c.Rationale, c.By), none)).Failure;
            case ReferralEvent r:
                ActAs(provider, ForceOf(r.Person));
                return (await provider.GetRequiredService<RecordReferralHandler>().HandleAsync(new RecordReferralRequest(
                    _ids[r.Person], r.To.ToString(), r.Consent, r.Status.ToString(), null), none)).Failure;
            case ContactAgreementEvent c:
                ActAs(provider, ForceOf(c.Incident ?? c.Case!));
                return (await provider.GetRequiredService<RecordContactAgreementHandler>().HandleAsync(new RecordContactAgreementRequest(
                    _ids[c.Victim], Id(c.Incident), Id(c.Case), c.Frequency.ToString(), c.Method?.ToString(), c.SafeContact, null), none)).Failure;
            case VictimContactEvent v:
                ActAs(provider, ForceOf(v.Victim));
                return (await provider.GetRequiredService<RecordVictimContactHandler>().HandleAsync(new RecordVictimContactRequest(
                    _ids[v.Victim], v.Summary, [.. v.Informs.Select(i => i.ToString())], v.By), none)).Failure;
            case AdviceEvent a:
                ActAs(provider, ForceOf(a.Victim));
                return (await provider.GetRequiredService<RecordAdviceHandler>().HandleAsync(new RecordAdviceRequest(_ids[a.Victim], a.Text, a.By), none)).Failure;
            case EvidenceEvent v:
                ActAs(provider, ForceOf(v.Incident ?? v.Case!));
                return (await provider.GetRequiredService<RecordEvidenceHandler>().HandleAsync(new RecordEvidenceRequest(
                    Id(v.Incident), Id(v.Case), v.Kind.ToString(), v.Status.ToString(), v.AvailableUntil, v.ExpectedBy, null), none)).Failure;
            case RecordAccessEvent r:
                {
                    // A read as the audit log captures it: the named user (an account of the force holding the
                    // record, since the format gives users no force) reads the person's record, with the purpose.
                    var recordForce = ForceOf(r.Person);
                    var reader = await OfficerAsync(provider, recordForce, r.User);
                    provider.GetRequiredService<CurrentUser>().ActAs(new ClaimsPrincipal(new ClaimsIdentity(
                        _actors[recordForce].Claims.Where(c => c.Type is not (ClaimTypes.NameIdentifier or ClaimTypes.Name or VigilClaims.DisplayName))
                            .Append(new Claim(ClaimTypes.NameIdentifier, reader)).Append(new Claim(ClaimTypes.Name, reader)).Append(new Claim(VigilClaims.DisplayName, r.User)),
                        Prefix)));
                    await provider.GetRequiredService<AuditLog>().RecordReadAsync(AuditEntities.PersonRecord, _ids[r.Person], r.Purpose, none);
                    return null;
                }
            case ClockEvent:
                // Nothing to store: the clock has already been set to the event's time, for deadline rules.
                return null;
            default:
                throw new InvalidOperationException($"Event type {e.Type} has no handler.");
        }
    }

    private long? Id(string? @ref) => @ref is null ? null : _ids[@ref];

    private string ForceOf(string @ref) => timeline.Refs[@ref].Force ?? timeline.Forces[0].Code;

    /// <summary>
    /// A case update is one or more of the application's case changes, in the order an officer would make
    /// them: incidents added, a handover, an offence decision, a status or outcome. All in the event's transaction.
    /// </summary>
    private async Task<Failure?> UpdateCaseAsync(IServiceProvider provider, CaseUpdateEvent u)
    {
        var caseId = _ids[u.Case];
        var db = provider.GetRequiredService<AppDbContext>();
        var force = await db.Cases.Where(x => x.Id == caseId).Select(x => x.Force!.Code).FirstAsync();
        ActAs(provider, force);
        async Task<string> VersionAsync() => (await db.Cases.AsNoTracking().Where(x => x.Id == caseId).Select(x => x.Version).FirstAsync()).ToString();
        if (u.Incidents is { Count: > 0 } added)
        {
            var outcome = await provider.GetRequiredService<AddCaseIncidentsHandler>().HandleAsync(caseId,
                new AddCaseIncidentsRequest(await VersionAsync(), [.. added.Select(r => _ids[r])]), CancellationToken.None);
            if (outcome.Failure is { } f)
            {
                return f;
            }
        }
        if (u.Officer is not null || u.Team is not null)
        {
            var officer = u.Officer is null ? null : await OfficerAsync(provider, force, u.Officer);
            var outcome = await provider.GetRequiredService<HandOverCaseHandler>().HandleAsync(caseId,
                new HandOverCaseRequest(await VersionAsync(), officer, u.Team, "Handover in the imported history"), CancellationToken.None);
            if (outcome.Failure is { } f)
            {
                return f;
            }
        }
        if (u.Offence is { } offence)
        {
            var outcome = await provider.GetRequiredService<RecordOffenceDecisionHandler>().HandleAsync(caseId,
                new OffenceDecisionRequest(await VersionAsync(), offence.ToString(), u.Rationale), CancellationToken.None);
            if (outcome.Failure is { } f)
            {
                return f;
            }
        }
        if (u.Status is not null || u.Outcome is not null)
        {
            var outcome = await provider.GetRequiredService<RecordCaseOutcomeHandler>().HandleAsync(caseId,
                new CaseOutcomeRequest(await VersionAsync(), u.Status?.ToString(), u.Outcome), CancellationToken.None);
            if (outcome.Failure is { } f)
            {
                return f;
            }
        }
        return null;
    }

    /// <summary>
    /// Timelines name officers ("PC 1101"); cases need accounts. Each named officer becomes an account of the
    /// force (found again by name on a resumed import), so handovers between them are real handovers. These
    /// accounts have no password: nobody signs in as them.
    /// </summary>
    private async Task<string> OfficerAsync(IServiceProvider provider, string force, string name)
    {
        var key = $"{force}|{name}";
        if (_officers.TryGetValue(key, out var id))
        {
            return id;
        }
        var db = provider.GetRequiredService<AppDbContext>();
        var forceId = await db.Forces.Where(f => f.Code == force).Select(f => f.Id).FirstAsync();
        var prefix = $"{Prefix}-{force.ToLowerInvariant()}-officer-";
        var existing = await db.Users.Where(u => u.ForceId == forceId && u.DisplayName == name && u.Id.StartsWith(prefix)).Select(u => u.Id).FirstOrDefaultAsync();
        if (existing is null)
        {
            var count = await db.Users.CountAsync(u => u.Id.StartsWith(prefix));
            existing = prefix + (count + 1).ToString(CultureInfo.InvariantCulture);
            db.Users.Add(new VigilUser
            {
                Id = existing,
                UserName = existing,
                NormalizedUserName = existing.ToUpperInvariant(),
                DisplayName = name,
                ForceId = forceId,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            });
            var role = await db.Roles.Where(r => r.Name == Roles.Investigator).Select(r => r.Id).FirstAsync();
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = existing, RoleId = role });
            await db.SaveChangesAsync();
        }
        _officers[key] = existing;
        return existing;
    }

    /// <summary>The alerts raised, oldest first, with the timeline refs of the records they rest on.</summary>
    public async Task<List<ReplayedAlert>> AlertsAsync(DateTimeOffset? since = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var localizer = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var refsOf = _ids.GroupBy(p => (timeline.Refs[p.Key].Kind, p.Value)).ToDictionary(g => g.Key, g => g.Select(p => p.Key).First());
        var query = db.Alerts.AsNoTracking().Include(a => a.Evidence).Include(a => a.Force).AsQueryable();
        if (import)
        {
            // An import reports only the alerts resting on its own records, not the rest of the database's.
            var incidentIds = _ids.Where(p => timeline.Refs[p.Key].Kind == TimelineRefKind.Incident).Select(p => p.Value).ToList();
            query = query.Where(a => a.Evidence.Any(e => e.Kind == AlertEvidenceKind.Incident && incidentIds.Contains(e.EntityId)));
        }
        var alerts = await query.ToListAsync();
        return alerts.Where(a => since is null || a.RaisedAt >= since).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Select(a => new ReplayedAlert(
            a.RaisedAt, a.RuleId, a.Severity.ToString().ToLowerInvariant(), a.Force!.Code,
            a.Evidence.Select(e => KindOf(e.Kind) is { } kind ? refsOf.GetValueOrDefault((kind, e.EntityId)) : null).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            AlertText.Format(localizer, a.MessageKey, a.MessageArguments))).ToList();
    }

    private static TimelineRefKind? KindOf(AlertEvidenceKind kind) => kind switch
    {
        AlertEvidenceKind.Incident => TimelineRefKind.Incident,
        AlertEvidenceKind.Case => TimelineRefKind.Case,
        AlertEvidenceKind.PersonRecord => TimelineRefKind.Person,
        AlertEvidenceKind.Order => TimelineRefKind.Order,
        AlertEvidenceKind.Breach => TimelineRefKind.Breach,
        AlertEvidenceKind.RiskAssessment => TimelineRefKind.RiskAssessment,
        _ => null,
    };

    private void ActAs(IServiceProvider provider, string force) => provider.GetRequiredService<CurrentUser>().ActAs(_actors[force]);

    private static PersonRecordInput ToInput(PersonEvent p) => new(
        p.Given, p.Family, [.. p.Aliases], p.Dob is { } d ? DateText(d) : null, p.Sex?.ToString(),
        [.. p.Addresses.Select(a => new AddressInput(a.Text, a.Postcode, a.Kind?.ToString(), a.Lat, a.Lon))],
        [.. p.Phones], [.. p.Emails], [.. p.Handles]);

    private static ConditionInput ToInput(TimelineCondition c) => c switch
    {
        NoContactCondition n => new ConditionInput(c.Type.ToString(), n.Indirect, null, null, null, null, null, null, null),
        ExclusionZoneCondition { Area: ExclusionZoneCircle circle } => new ConditionInput(c.Type.ToString(), null, circle.Centre.Lat, circle.Centre.Lon, circle.RadiusMetres, null, null, null, null),
        ExclusionZoneCondition { Area: ExclusionZonePolygon polygon } => new ConditionInput(c.Type.ToString(), null, null, null, null, [.. polygon.Points.Select(p => new List<double> { p.Lat, p.Lon })], null, null, null),
        NotToAttendCondition a => new ConditionInput(c.Type.ToString(), null, null, null, null, null, a.Address, null, null),
        ResideAtCondition r => new ConditionInput(c.Type.ToString(), null, r.Point?.Lat, r.Point?.Lon, null, null, r.Address, null, null),
        ProgrammeCondition p => new ConditionInput(c.Type.ToString(), null, null, null, null, null, null, p.Name, null),
        OtherCondition o => new ConditionInput(c.Type.ToString(), null, null, null, null, null, null, null, o.Text),
        _ => new ConditionInput(c.Type.ToString(), null, null, null, null, null, null, null, null),
    };

    private static string DateText(PartialDate d) => d switch
    {
        { Month: int m, Day: int day } => string.Create(CultureInfo.InvariantCulture, $"{d.Year:D4}-{m:D2}-{day:D2}"),
        { Month: int m } => string.Create(CultureInfo.InvariantCulture, $"{d.Year:D4}-{m:D2}"),
        _ => d.Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    private RecordIncidentRequest ToRequest(IncidentEvent i) => new(
        i.Force, i.OccurredFrom ?? i.At, i.OccurredTo, i.Classification.ToString(), null, i.RecordedAsCrime, i.Narrative,
        [.. i.Behaviours.Select(b => b.ToString())], [.. i.Channels.Select(c => c.ToString())],
        i.Location is { } l ? new LocationInput(l.Text, l.Lat, l.Lon) : null,
        [.. i.Parties.Select(p => new PartyInput(_ids[p.Person], null, p.Role.ToString()))],
        i.Relationship?.ToString(),
        i.Impact is { } m ? new ImpactInput(m.FearOfViolence, m.SeriousAlarmOrDistress, m.ChangedRoutine) : null,
        i.Domestic, i.Team, i.Officer);

    private static string Describe(Failure failure, IStringLocalizer localizer) => failure switch
    {
        Invalid invalid => string.Join("; ", invalid.Errors.Select(x => $"field {x.Field}: {localizer[x.MessageKey, x.Args]}")),
        Forbidden f => localizer[f.MessageKey],
        Conflict c => localizer[c.MessageKey],
        _ => failure.GetType().Name,
    };
}

/// <summary>One alert as replay and import print it (the shape TIMELINE-FORMAT.md gives for --json).</summary>
public sealed record ReplayedAlert(DateTimeOffset RaisedAt, string Rule, string Severity, string Force, IReadOnlyList<string> Refs, string Message);
