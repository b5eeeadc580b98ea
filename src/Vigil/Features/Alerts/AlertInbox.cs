using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Alerts;

public sealed record ListAlertsRequest(string? Scope, string? State, int? Page, int? PageSize);

public sealed record AlertSummary(
    long Id, string Reference, string Rule, string Severity, string State, DateTimeOffset RaisedAt, DateTimeOffset UpdatedAt,
    string Message, string OwnerRole, string? OwnerTeam, string? OwnerOfficer);

public sealed record AlertEvidenceView(string Kind, long Id, string Reference, string Link);

public sealed record AlertHistoryView(DateTimeOffset At, string Change, string Severity, string? By, string? Note);

public sealed record AlertView(
    AlertSummary Alert, IReadOnlyList<AlertEvidenceView> Evidence, IReadOnlyList<AlertHistoryView> History,
    string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? ResolvedBy, DateTimeOffset? ResolvedAt, string? Rationale);

public sealed record AlertAnswerInput(string? Rationale);

/// <summary>Which scopes an inbox can show: the reader's own alerts, the team's, or the whole force's.</summary>
public enum AlertScope
{
    Mine,
    Team,
    Force,
}

/// <summary>
/// Who sees which alerts: only the alert's force, and alerts about police use of police systems only
/// professional standards (the officer being watched must not see that they are).
/// </summary>
public sealed class AlertVisibility(AppDbContext db, CurrentUser user)
{
    public const string ProfessionalStandardsRule = "suspicious-record-access";

    public bool IsProfessionalStandards => user.Roles.Contains(Roles.ProfessionalStandards);

    public IQueryable<Alert> Visible() =>
        db.Alerts.Where(a => a.ForceId == user.ForceId && (IsProfessionalStandards ? a.RuleId == ProfessionalStandardsRule : a.RuleId != ProfessionalStandardsRule));

    public async Task<long?> TeamIdAsync(CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == user.UserId).Select(u => u.TeamId).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>An inbox: open (or acknowledged, or resolved) alerts, most severe first, then oldest first.</summary>
public sealed class ListAlertsHandler(AppDbContext db, CurrentUser user, AlertVisibility visibility, AuditLog audit, IStringLocalizer<SharedResource> localizer)
{
    public const int MaxPageSize = 100;

    public async Task<Outcome<PageOf<AlertSummary>>> HandleAsync(ListAlertsRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Read(request.Page, request.PageSize, MaxPageSize, errors);
        var scope = AlertScope.Mine;
        if (!string.IsNullOrWhiteSpace(request.Scope) && !EnumInput.TryParse(request.Scope, out scope))
        {
            errors.Add("scope", "Error.Alert.Scope", EnumInput.Names<AlertScope>());
        }
        var state = AlertState.Open;
        if (!string.IsNullOrWhiteSpace(request.State) && !EnumInput.TryParse(request.State, out state))
        {
            errors.Add("state", "Error.Alert.State", EnumInput.Names<AlertState>());
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var team = await visibility.TeamIdAsync(cancellationToken);
        var roles = user.Roles.ToList();
        var name = user.DisplayName;
        var query = visibility.Visible().AsNoTracking().Where(a => a.State == state);
        query = scope switch
        {
            AlertScope.Mine => query.Where(a => a.OwnerOfficer == name || (roles.Contains(a.OwnerRole) && (a.OwnerTeamId == null || a.OwnerTeamId == team))),
            AlertScope.Team => query.Where(a => team != null && a.OwnerTeamId == team),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        var alerts = await query.Include(a => a.Force)
            .OrderByDescending(a => a.Severity == AlertSeverity.Critical).ThenByDescending(a => a.Severity == AlertSeverity.High)
            .ThenByDescending(a => a.Severity == AlertSeverity.Warning).ThenBy(a => a.RaisedAt).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var teams = await AlertViews.TeamNamesAsync(db, alerts, cancellationToken);
        await audit.RecordSearchAsync(AuditEntities.Alert, $"scope={scope}; state={state}; page={page}", cancellationToken);
        return new PageOf<AlertSummary>(alerts.Select(a => AlertViews.Summary(a, teams, localizer)).ToList(), page, pageSize, total);
    }
}

/// <summary>One alert with its evidence (links to each record) and history. The read is audited.</summary>
public sealed class GetAlertHandler(AppDbContext db, AlertVisibility visibility, AuditLog audit, IStringLocalizer<SharedResource> localizer)
{
    public async Task<Outcome<AlertView>> HandleAsync(long id, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().Include(a => a.Evidence).Include(a => a.History).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return new NotFound();
        }
        if (!await visibility.Visible().AnyAsync(a => a.Id == id, cancellationToken))
        {
            return new Forbidden("Error.Alert.NotYours");
        }
        await audit.RecordReadAsync(AuditEntities.Alert, id, purpose: null, cancellationToken);
        return await AlertViews.ViewAsync(db, alert, localizer, cancellationToken);
    }
}

/// <summary>
/// Acknowledging says "I have seen this and I am on it"; resolving closes it, and needs a rationale, because
/// "why did nobody act on this?" is the question the reviews asked. Both are recorded by name, time and audit.
/// </summary>
public sealed class AnswerAlertHandler(AppDbContext db, CurrentUser user, AlertVisibility visibility, AuditLog audit, TimeProvider time, IStringLocalizer<SharedResource> localizer)
{
    public const int MaxRationale = 2000;

    public Task<Outcome<AlertView>> AcknowledgeAsync(long id, AlertAnswerInput input, CancellationToken cancellationToken) =>
        AnswerAsync(id, input, resolve: false, cancellationToken);

    public Task<Outcome<AlertView>> ResolveAsync(long id, AlertAnswerInput input, CancellationToken cancellationToken) =>
        AnswerAsync(id, input, resolve: true, cancellationToken);

    private async Task<Outcome<AlertView>> AnswerAsync(long id, AlertAnswerInput input, bool resolve, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var rationale = input.Rationale?.Trim();
        if (resolve && string.IsNullOrEmpty(rationale))
        {
            errors.Add("rationale", "Error.Alert.RationaleRequired");
        }
        if (rationale is { Length: > MaxRationale })
        {
            errors.Add("rationale", "Error.Alert.RationaleTooLong", MaxRationale);
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        return await db.RunAsync<AlertView>(async ct =>
        {
            var alert = await db.Alerts.Include(a => a.Evidence).Include(a => a.History).FirstOrDefaultAsync(a => a.Id == id, ct);
            if (alert is null)
            {
                return new NotFound();
            }
            if (!await visibility.Visible().AnyAsync(a => a.Id == id, ct))
            {
                return new Forbidden("Error.Alert.NotYours");
            }
            if (alert.State == AlertState.Resolved)
            {
                return new Conflict("Error.Alert.AlreadyResolved");
            }
            if (!resolve && alert.State == AlertState.Acknowledged)
            {
                return new Conflict("Error.Alert.AlreadyAcknowledged");
            }
            var now = time.GetUtcNow();
            if (resolve)
            {
                alert.State = AlertState.Resolved;
                alert.ResolvedAt = now;
                alert.ResolvedByUserId = user.UserId;
                alert.ResolutionRationale = rationale;
            }
            else
            {
                alert.State = AlertState.Acknowledged;
                alert.AcknowledgedAt = now;
                alert.AcknowledgedByUserId = user.UserId;
            }
            alert.UpdatedAt = now;
            alert.History.Add(new AlertHistoryEntry
            {
                At = now, Change = resolve ? AlertChange.Resolved : AlertChange.Acknowledged, Severity = alert.Severity, UserId = user.UserId,
                Note = string.IsNullOrEmpty(rationale) ? null : rationale,
            });
            audit.Add(AuditActions.Update, AuditEntities.Alert, alert.Id, detail: resolve ? "Resolved" : "Acknowledged");
            await db.SaveChangesAsync(ct);
            return await AlertViews.ViewAsync(db, alert, localizer, ct);
        }, cancellationToken);
    }
}

internal static class AlertViews
{
    public static async Task<Dictionary<long, string>> TeamNamesAsync(AppDbContext db, IEnumerable<Alert> alerts, CancellationToken cancellationToken)
    {
        var ids = alerts.Where(a => a.OwnerTeamId != null).Select(a => a.OwnerTeamId!.Value).Distinct().ToList();
        return await db.Teams.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
    }

    public static AlertSummary Summary(Alert a, IReadOnlyDictionary<long, string> teams, IStringLocalizer localizer) => new(
        a.Id, Alert.Reference(a.Id), a.RuleId, a.Severity.ToString(), a.State.ToString(), a.RaisedAt, a.UpdatedAt,
        AlertText.Format(localizer, a.MessageKey, a.MessageArguments), a.OwnerRole,
        a.OwnerTeamId is long t && teams.TryGetValue(t, out var team) ? team : null, a.OwnerOfficer);

    public static async Task<AlertView> ViewAsync(AppDbContext db, Alert alert, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var teams = await TeamNamesAsync(db, [alert], cancellationToken);
        var userIds = alert.History.Select(h => h.UserId).Append(alert.AcknowledgedByUserId).Append(alert.ResolvedByUserId)
            .Where(u => u is not null).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string? Name(string? userId) => userId is null ? null : names.GetValueOrDefault(userId, userId);
        var evidence = alert.Evidence.OrderBy(e => e.Kind).ThenBy(e => e.EntityId).Select(e => e.Kind switch
        {
            AlertEvidenceKind.Incident => new AlertEvidenceView(e.Kind.ToString(), e.EntityId, Incident.Reference(e.EntityId), $"/Incidents/Details/{e.EntityId}"),
            AlertEvidenceKind.PersonRecord => new AlertEvidenceView(e.Kind.ToString(), e.EntityId, PersonRecord.Reference(e.EntityId), $"/People/Details/{e.EntityId}"),
            AlertEvidenceKind.Case => new AlertEvidenceView(e.Kind.ToString(), e.EntityId, Case.Reference(e.EntityId), $"/Cases/Details/{e.EntityId}"),
            AlertEvidenceKind.Person => new AlertEvidenceView(e.Kind.ToString(), e.EntityId, Person.Reference(e.EntityId), ""),
            AlertEvidenceKind.Order => new AlertEvidenceView(e.Kind.ToString(), e.EntityId, Orders.ProtectiveOrder.Reference(e.EntityId), ""),
            AlertEvidenceKind.Breach => new AlertEvidenceView(e.Kind.ToString(), e.EntityId, Orders.Breach.Reference(e.EntityId), ""),
            _ => new AlertEvidenceView(e.Kind.ToString(), e.EntityId, Risk.RiskAssessment.Reference(e.EntityId), $"/Risk/Assessment?id={e.EntityId}"),
        }).ToList();
        var history = alert.History.OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new AlertHistoryView(h.At, h.Change.ToString(), h.Severity.ToString(), Name(h.UserId), h.Note)).ToList();
        return new AlertView(Summary(alert, teams, localizer), evidence, history, Name(alert.AcknowledgedByUserId), alert.AcknowledgedAt,
            Name(alert.ResolvedByUserId), alert.ResolvedAt, alert.ResolutionRationale);
    }
}
