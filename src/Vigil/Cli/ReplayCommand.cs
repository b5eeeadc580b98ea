using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Alerts;
using Vigil.Features.Cases;
using Vigil.Features.Forces;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Features.Timeline;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil replay FILE.json [--json] [--until T]</c>: applies a timeline to a fresh temporary database through
/// the same handlers as the pages and the API, with the clock set to each event's time, and prints the alerts
/// raised in the order raised. "Would Vigil have caught it?" is answered by running what happened through Vigil.
/// Event types whose records Vigil does not store yet are reported and skipped, never silently ignored.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>Days the clock runs on after the last event when --until is not given, so deadline rules can fire.</summary>
    public const int DefaultDaysAfter = 30;

    private static readonly string[] ReplayRoles = [Roles.Investigator, Roles.Supervisor, Roles.StalkingSpoc];

    private static readonly JsonSerializerOptions JsonOutput = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Points the host at a new temporary SQLite database and a clock the replay sets.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        var directory = TemporaryDatabase.Configure(builder, "vigil-replay-");
        builder.Services.AddSingleton(new ReplayClock(directory));
        builder.Services.AddSingleton<TimeProvider>(services => services.GetRequiredService<ReplayClock>());
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var clock = app.Services.GetRequiredService<ReplayClock>();
        try
        {
            return await ReplayAsync(app, clock, args);
        }
        finally
        {
            TemporaryDatabase.Delete(clock.Directory);
        }
    }

    private static async Task<int> ReplayAsync(WebApplication app, ReplayClock clock, string[] args)
    {
        // The replay output is English, as TIMELINE-FORMAT.md shows it.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("vigil replay needs a timeline file: vigil replay FILE.json [--json] [--until 2024-05-01T00:00:00Z]");
            return VigilCli.ExitUsage;
        }
        var path = args[1];
        DateTimeOffset? until = null;
        var untilIndex = Array.IndexOf(args, "--until");
        if (untilIndex >= 0)
        {
            if (untilIndex + 1 >= args.Length || !DateTimeOffset.TryParse(args[untilIndex + 1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await Console.Error.WriteLineAsync("--until expects an ISO-8601 instant, for example 2024-05-01T00:00:00Z");
                return VigilCli.ExitUsage;
            }
            until = parsed;
        }
        TimelineDocument timeline;
        try
        {
            timeline = TimelineReader.Read(path);
        }
        catch (TimelineFormatException e)
        {
            await Console.Error.WriteLineAsync($"vigil replay: {path}: {e.Message}");
            return VigilCli.ExitUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"vigil replay: cannot read {path}: {e.Message}");
            return VigilCli.ExitUsage;
        }

        var replay = new Replay(app.Services, timeline);
        await replay.PrepareAsync();
        foreach (var e in timeline.Events)
        {
            if (until is { } end && e.At > end)
            {
                break;
            }
            clock.Set(e.At);
            if (await replay.ApplyAsync(e) is { } problem)
            {
                await Console.Error.WriteLineAsync($"vigil replay: {path}: event {e.Index} ({e.Type}), {problem}");
                return VigilCli.ExitUsage;
            }
        }
        var last = timeline.Events.Count > 0 ? timeline.Events[^1].At : clock.GetUtcNow();
        clock.Set(until ?? last.AddDays(DefaultDaysAfter));
        foreach (var (type, count) in replay.Skipped.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"vigil replay: {count} '{type}' event(s) not applied: this version of Vigil does not store them yet."));
        }
        var alerts = await replay.AlertsAsync();
        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(alerts, JsonOutput));
        }
        else
        {
            foreach (var a in alerts)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.RaisedAt:yyyy-MM-ddTHH:mm:ssZ} {a.Severity,-8} {a.Rule} [{a.Force}] {string.Join(", ", a.Refs)}"));
                Console.WriteLine($"    {a.Message}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{alerts.Count} alert(s) from {timeline.Events.Count} event(s)."));
        }
        return VigilCli.ExitOk;
    }

    /// <summary>One alert as the replay prints it (the shape TIMELINE-FORMAT.md gives for --json).</summary>
    public sealed record ReplayedAlert(DateTimeOffset RaisedAt, string Rule, string Severity, string Force, IReadOnlyList<string> Refs, string Message);

    /// <summary>The state of one replay: records made so far by ref, and the users acting for each force.</summary>
    private sealed class Replay(IServiceProvider services, TimelineDocument timeline)
    {
        private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ClaimsPrincipal> _actors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _officers = new(StringComparer.Ordinal);

        public Dictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

        /// <summary>Creates the schema, the forces and teams of the file, and a replay user for each force.</summary>
        public async Task PrepareAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync();
            var roles = ReplayRoles.Select(r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() }).ToList();
            db.Roles.AddRange(roles);
            foreach (var f in timeline.Forces)
            {
                var force = new Force { Code = f.Code, Name = f.Name };
                force.Teams.AddRange(f.Teams.Select(t => new Team { Code = t.Code, Name = t.Name, Specialist = t.Specialist }));
                force.Teams.AddRange(timeline.UndeclaredTeams.Where(t => t.Force == f.Code && f.Teams.All(d => d.Code != t.Code))
                    .Select(t => new Team { Code = t.Code, Name = t.Code, Specialist = false }));
                db.Forces.Add(force);
                await db.SaveChangesAsync();
                var user = new VigilUser
                {
                    Id = $"replay-{f.Code.ToLowerInvariant()}",
                    UserName = $"replay.{f.Code.ToLowerInvariant()}",
                    NormalizedUserName = $"REPLAY.{f.Code.ToUpperInvariant()}",
                    DisplayName = $"Replay ({f.Code})",
                    ForceId = force.Id,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                db.Users.Add(user);
                db.UserRoles.AddRange(roles.Select(r => new IdentityUserRole<string> { UserId = user.Id, RoleId = r.Id }));
                _actors[f.Code] = new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, user.Id),
                    new Claim(ClaimTypes.Name, user.UserName),
                    new Claim(VigilClaims.DisplayName, user.DisplayName),
                    new Claim(VigilClaims.ForceId, force.Id.ToString(CultureInfo.InvariantCulture)),
                    new Claim(VigilClaims.ForceCode, f.Code),
                    .. ReplayRoles.Select(r => new Claim(ClaimTypes.Role, r)),
                ], "replay"));
            }
            await db.SaveChangesAsync();
        }

        /// <summary>Applies one event through the application's handlers; returns the problem if one refused it.</summary>
        public async Task<string?> ApplyAsync(TimelineEvent e)
        {
            await using var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            Failure? failure;
            switch (e)
            {
                case PersonEvent p:
                    ActAs(provider, p.Force);
                    var person = await provider.GetRequiredService<AddPersonRecordHandler>().HandleAsync(ToInput(p), CancellationToken.None);
                    failure = person.Failure;
                    if (person.Succeeded)
                    {
                        _ids[p.Ref] = person.Value;
                    }
                    break;
                case IncidentEvent i:
                    ActAs(provider, i.Force);
                    var incident = await provider.GetRequiredService<RecordIncidentHandler>().HandleAsync(ToRequest(i), CancellationToken.None);
                    failure = incident.Failure;
                    if (incident.Succeeded)
                    {
                        _ids[i.Ref] = incident.Value!.Id;
                    }
                    break;
                case CaseEvent c:
                    var first = timeline.Refs[c.Incidents[0]];
                    ActAs(provider, first.Force ?? timeline.Forces[0].Code);
                    var parties = timeline.Events.OfType<IncidentEvent>().First(x => x.Ref == c.Incidents[0]).Parties;
                    var victim = parties.FirstOrDefault(x => x.Role == PartyRole.Victim);
                    var suspect = parties.FirstOrDefault(x => x.Role == PartyRole.Suspect);
                    var caseForce = first.Force ?? timeline.Forces[0].Code;
                    var officer = c.Officer is null ? null : await OfficerAsync(provider, caseForce, c.Officer);
                    var opened = await provider.GetRequiredService<OpenCaseHandler>().HandleAsync(new OpenCaseRequest(
                        [.. c.Incidents.Select(r => _ids[r])], victim is null ? null : _ids[victim.Person], suspect is null ? null : _ids[suspect.Person],
                        officer, c.Team, c.Offence?.ToString(), c.Rationale), CancellationToken.None);
                    failure = opened.Failure;
                    if (opened.Succeeded)
                    {
                        _ids[c.Ref] = opened.Value!.Id;
                    }
                    break;
                case IncidentUpdateEvent u:
                    var incidentId = _ids[u.Incident];
                    ActAs(provider, timeline.Refs[u.Incident].Force ?? timeline.Forces[0].Code);
                    var incidentVersion = await provider.GetRequiredService<AppDbContext>().Incidents.Where(x => x.Id == incidentId).Select(x => x.Version).FirstAsync();
                    var updated = await provider.GetRequiredService<UpdateIncidentHandler>().HandleAsync(incidentId, new UpdateIncidentRequest(
                        incidentVersion.ToString(), u.Classification?.ToString(), null, u.RecordedAsCrime, u.Narrative,
                        u.Behaviours?.Select(b => b.ToString()).ToList(), null,
                        u.Impact is { } m ? new ImpactInput(m.FearOfViolence, m.SeriousAlarmOrDistress, m.ChangedRoutine) : null, null, null, null), CancellationToken.None);
                    failure = updated.Failure;
                    break;
                case CaseUpdateEvent u:
                    failure = await UpdateCaseAsync(provider, u);
                    break;
                case RecordAccessEvent r:
                    // A read as the audit log captures it: the named user (an account of the force holding the
                    // record) reads the person's record, with the purpose if one was given.
                    var recordForce = timeline.Refs[r.Person].Force ?? timeline.Forces[0].Code;
                    var reader = await OfficerAsync(provider, recordForce, r.User);
                    var actor = _actors[recordForce];
                    provider.GetRequiredService<CurrentUser>().ActAs(new ClaimsPrincipal(new ClaimsIdentity(
                        actor.Claims.Where(c => c.Type is not (ClaimTypes.NameIdentifier or ClaimTypes.Name or VigilClaims.DisplayName))
                            .Append(new Claim(ClaimTypes.NameIdentifier, reader)).Append(new Claim(ClaimTypes.Name, reader)).Append(new Claim(VigilClaims.DisplayName, r.User)),
                        "replay")));
                    await provider.GetRequiredService<Features.Audit.AuditLog>().RecordReadAsync(Features.Audit.AuditEntities.PersonRecord, _ids[r.Person], r.Purpose, CancellationToken.None);
                    failure = null;
                    break;
                case ClockEvent:
                    failure = null;
                    break;
                default:
                    Skipped[e.Type] = Skipped.GetValueOrDefault(e.Type) + 1;
                    failure = null;
                    break;
            }
            return failure is null ? null : Describe(failure, provider.GetRequiredService<IStringLocalizer<SharedResource>>());
        }

        /// <summary>
        /// A case update is one or more of the application's case changes, in the order an officer would make
        /// them: incidents added, a handover, an offence decision, a status or outcome.
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
        /// force, once, so handovers between them are real handovers.
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
            id = $"replay-{force.ToLowerInvariant()}-officer-{_officers.Count + 1}";
            db.Users.Add(new VigilUser
            {
                Id = id,
                UserName = id,
                NormalizedUserName = id.ToUpperInvariant(),
                DisplayName = name,
                ForceId = forceId,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            });
            var role = await db.Roles.Where(r => r.Name == Roles.Investigator).Select(r => r.Id).FirstAsync();
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = role });
            await db.SaveChangesAsync();
            _officers[key] = id;
            return id;
        }

        public async Task<List<ReplayedAlert>> AlertsAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var localizer = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
            var refsOf = _ids.GroupBy(p => (Kind: timeline.Refs[p.Key].Kind, p.Value)).ToDictionary(g => g.Key, g => g.Select(p => p.Key).First());
            var alerts = await db.Alerts.AsNoTracking().Include(a => a.Evidence).Include(a => a.Force).ToListAsync();
            return alerts.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Select(a => new ReplayedAlert(
                a.RaisedAt, a.RuleId, a.Severity.ToString().ToLowerInvariant(), a.Force!.Code,
                a.Evidence.Select(e => refsOf.GetValueOrDefault((KindOf(e.Kind), e.EntityId))).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
                localizer[a.MessageKey, [.. a.MessageArguments]].Value)).ToList();
        }

        private static TimelineRefKind KindOf(AlertEvidenceKind kind) => kind switch
        {
            AlertEvidenceKind.Incident => TimelineRefKind.Incident,
            AlertEvidenceKind.Case => TimelineRefKind.Case,
            _ => TimelineRefKind.Person,
        };

        private void ActAs(IServiceProvider provider, string force) => provider.GetRequiredService<CurrentUser>().ActAs(_actors[force]);

        private static PersonRecordInput ToInput(PersonEvent p) => new(
            p.Given, p.Family, [.. p.Aliases], p.Dob is { } d ? DateText(d) : null, p.Sex?.ToString(),
            [.. p.Addresses.Select(a => new AddressInput(a.Text, a.Postcode, a.Kind?.ToString(), a.Lat, a.Lon))],
            [.. p.Phones], [.. p.Emails], [.. p.Handles]);

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
}

/// <summary>The replay's clock: set to each event's time, so every rule sees the time the event was recorded.</summary>
internal sealed class ReplayClock(string directory) : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    public string Directory => directory;

    public void Set(DateTimeOffset instant) => _now = instant > _now ? instant : _now;

    public override DateTimeOffset GetUtcNow() => _now;
}
