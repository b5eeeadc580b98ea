using Microsoft.EntityFrameworkCore;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Alerts;

/// <summary>
/// Runs every rule after a write, inside the write's own transaction (the caller's unit of work), so an alert
/// commits with the record that caused it or not at all: a crash can neither lose an alert nor raise one for a
/// write that never happened. A finding for a subject that already has an open alert of the same rule in the same
/// force updates that alert — new evidence, a higher severity, a history entry — instead of raising another.
/// </summary>
public sealed class AlertEngine(AppDbContext db, TimeProvider time, IEnumerable<IRule> rules)
{
    public async Task<IReadOnlyList<Alert>> RunAsync(RuleTrigger trigger, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // Outside a transaction an alert could outlive a failed write: refuse rather than risk it.
            throw new InvalidOperationException("Rules run only inside the unit of work of the write that triggered them.");
        }
        var context = new RuleContext(db, time.GetUtcNow(), trigger);
        foreach (var rule in rules)
        {
            await rule.EvaluateAsync(context, cancellationToken);
        }
        var changed = new List<Alert>();
        // Alerts raised earlier in this same run are not in the database yet; one trigger can hold several
        // incidents of the same pair (the demo seed, an import), and they must update one alert, not raise two.
        var raised = new Dictionary<(string, string, long), Alert>();
        foreach (var finding in context.Findings)
        {
            if (await ApplyAsync(finding, context.Now, raised, cancellationToken) is { } alert && !changed.Contains(alert))
            {
                changed.Add(alert);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private async Task<Alert?> ApplyAsync(RuleFinding finding, DateTimeOffset now, Dictionary<(string, string, long), Alert> raised, CancellationToken cancellationToken)
    {
        var evidence = finding.Evidence.Distinct().OrderBy(e => e.Kind).ThenBy(e => e.Id).ToList();
        var key = (finding.RuleId, finding.SubjectKey, finding.ForceId);
        var existing = raised.GetValueOrDefault(key) ?? await db.Set<Alert>().Include(a => a.Evidence)
            .Where(a => a.RuleId == finding.RuleId && a.SubjectKey == finding.SubjectKey && a.ForceId == finding.ForceId && a.State != AlertState.Resolved)
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            var alert = new Alert
            {
                RuleId = finding.RuleId,
                Severity = finding.Severity,
                ForceId = finding.ForceId,
                SubjectKey = finding.SubjectKey,
                MessageKey = finding.MessageKey,
                MessageArguments = [.. finding.MessageArguments],
                RaisedAt = now,
                UpdatedAt = now,
                OwnerRole = finding.OwnerRole,
                OwnerTeamId = finding.OwnerTeamId,
                OwnerOfficer = finding.OwnerOfficer,
                Evidence = evidence.Select(e => new AlertEvidence { Kind = e.Kind, EntityId = e.Id }).ToList(),
                History = [new AlertHistoryEntry { At = now, Change = AlertChange.Raised, Severity = finding.Severity }],
            };
            db.Add(alert);
            raised[key] = alert;
            return alert;
        }
        var known = existing.Evidence.Select(e => (e.Kind, e.EntityId)).ToHashSet();
        var added = evidence.Where(e => !known.Contains(e)).ToList();
        var severity = (AlertSeverity)Math.Max((int)existing.Severity, (int)finding.Severity);
        if (added.Count == 0 && severity == existing.Severity)
        {
            return null;
        }
        existing.Evidence.AddRange(added.Select(e => new AlertEvidence { Kind = e.Kind, EntityId = e.Id }));
        existing.Severity = severity;
        existing.MessageKey = finding.MessageKey;
        existing.MessageArguments = [.. finding.MessageArguments];
        existing.UpdatedAt = now;
        if (existing.Id != 0)
        {
            existing.History.Add(new AlertHistoryEntry { At = now, Change = AlertChange.Updated, Severity = severity });
        }
        raised[key] = existing;
        return existing;
    }
}
