using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.Users;
using Vigil.Features.VictimCare;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>victim-contact-overdue</c>: the victim agreed to be contacted every 7, 14 or 21 days and that long has
/// passed since the agreement or the last contact with none recorded while the investigation is open; or the agreement is "on significant
/// developments" and one (arrest, bail, charge, the case closed, an order granted or ended — see
/// <see cref="SignificantDevelopments"/>) has no contact telling the victim within the Victims' Code timescale.
/// The reviews found victims chasing officers for news, and learning of a release from others.
/// </summary>
public sealed class VictimContactOverdueRule : IRule
{
    public const string RuleId = SignificantDevelopments.TimescaleRuleId;

    private static readonly Dictionary<ContactFrequency, int> IntervalDays = new()
    {
        [ContactFrequency.Every7Days] = 7,
        [ContactFrequency.Every14Days] = 14,
        [ContactFrequency.Every21Days] = 21,
    };

    public IReadOnlyList<RuleThreshold> Thresholds => [SignificantDevelopments.WorkingDays];

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.TimePassed is not { } interval)
        {
            return;
        }
        var db = context.Db;
        var developments = new SignificantDevelopments(db);
        foreach (var force in await db.Forces.Select(f => f.Id).ToListAsync(cancellationToken))
        {
            // The agreement in force for each victim on each incident or case is the latest: a revision replaces it.
            var agreements = (await db.ContactAgreements.AsNoTracking().Where(a => a.ForceId == force && a.RecordedAt <= interval.To).ToListAsync(cancellationToken))
                .GroupBy(a => (a.VictimId, a.IncidentId, a.CaseId))
                .Select(g => g.OrderByDescending(a => a.RecordedAt).ThenByDescending(a => a.Id).First()).ToList();
            if (agreements.Count == 0)
            {
                continue;
            }
            var workingDays = await context.ThresholdAsync(this, SignificantDevelopments.WorkingDays, force, cancellationToken);
            var developmentsDue = await AnyDevelopmentAsync(context, interval, workingDays, cancellationToken);
            foreach (var agreement in agreements)
            {
                var victim = await RiskFacts.PersonAsync(db, agreement.VictimId, PartyRole.Victim, cancellationToken);
                if (IntervalDays.TryGetValue(agreement.Frequency, out var every))
                {
                    await CheckIntervalAsync(context, agreement, victim, every, interval, cancellationToken);
                }
                else if (developmentsDue)
                {
                    await CheckDevelopmentsAsync(context, developments, agreement, victim, workingDays, interval, cancellationToken);
                }
            }
        }
    }

    private async Task CheckIntervalAsync(RuleContext context, ContactAgreement agreement, Identities.Party victim, int every, TimeInterval interval, CancellationToken cancellationToken)
    {
        var last = await context.Db.VictimContacts.Where(c => victim.RecordIds.Contains(c.VictimId) && c.RecordedAt <= interval.To)
            .OrderByDescending(c => c.RecordedAt).Select(c => (DateTimeOffset?)c.RecordedAt).FirstOrDefaultAsync(cancellationToken);
        var since = last is { } l && l > agreement.RecordedAt ? l : agreement.RecordedAt;
        var deadline = since.AddDays(every);
        // Overdue once the interval has passed: a contact made on the day it falls due (recorded at the same instant the
        // clock reaches it) is in time, so the deadline counts in the interval that starts at it, not the one ending at it.
        if (deadline < interval.From || deadline >= interval.To || await ConcludedAsync(context, agreement, deadline, cancellationToken))
        {
            return;
        }
        var on = On(agreement);
        await ReportAsync(context, agreement, victim, $"contact-overdue:{victim.Key}:{on}:{since.UtcTicks}", [],
            "VictimCare.Alert.ContactOverdue", [victim.Reference, on, every.ToString(CultureInfo.InvariantCulture), UkTime(since)], cancellationToken);
    }

    private async Task CheckDevelopmentsAsync(RuleContext context, SignificantDevelopments developments, ContactAgreement agreement, Identities.Party victim,
        int workingDays, TimeInterval interval, CancellationToken cancellationToken)
    {
        var due = await developments.ForTargetAsync(agreement.IncidentId, agreement.CaseId, agreement.VictimId, interval.To, workingDays, cancellationToken);
        // As for regular contact, a deadline counts in the interval starting at it, so a contact made at that moment is in time.
        foreach (var item in due.Where(d => d.Due >= interval.From && d.Due < interval.To && (d.ToldAt is null || d.ToldAt > d.Due)))
        {
            var on = On(agreement);
            await ReportAsync(context, agreement, victim, $"contact-overdue:{victim.Key}:{on}:{item.Development.Key}",
                [(item.Development.EvidenceKind, item.Development.EvidenceId)],
                "VictimCare.Alert.DevelopmentUntold." + item.Development.Kind,
                [victim.Reference, on, item.Development.Reference, UkTime(item.Development.At), workingDays.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        }
    }

    /// <summary>
    /// Whether the investigation had ended by the deadline — charged, or closed with an outcome. Regular updates
    /// are the police's duty while they investigate; after charge the witness care unit keeps the victim informed
    /// of the court case, and what the police still owe is news of developments (bail ending, an order made), which
    /// <see cref="CheckDevelopmentsAsync"/> keeps watching.
    /// </summary>
    private static async Task<bool> ConcludedAsync(RuleContext context, ContactAgreement agreement, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var cases = agreement.CaseId is { } c
            ? db.Cases.Where(x => x.Id == c)
            : db.Cases.Where(x => db.CaseIncidents.Any(ci => ci.CaseId == x.Id && ci.IncidentId == agreement.IncidentId));
        return await cases.AnyAsync(x => x.Status != CaseStatus.Open && x.OutcomeRecordedAt != null && x.OutcomeRecordedAt <= deadline, cancellationToken);
    }

    /// <summary>
    /// Whether anything that can be a development happened recently enough to fall due in this interval: most
    /// intervals have none, and this spares working out every agreement's developments on each tick.
    /// </summary>
    private static async Task<bool> AnyDevelopmentAsync(RuleContext context, TimeInterval interval, int workingDays, CancellationToken cancellationToken)
    {
        var db = context.Db;
        // A due date is at most workingDays + 2 weekend days (and a day's margin) after what caused it.
        var earliest = interval.From.AddDays(-(workingDays + 3));
        return await db.OrderChanges.AnyAsync(c => c.At > earliest && c.At <= interval.To, cancellationToken)
            || await db.Orders.AnyAsync(o => o.Ends != null && o.Ends > earliest && o.Ends <= interval.To, cancellationToken)
            || await db.Breaches.AnyAsync(b => b.Action == BreachAction.Arrest && (b.DecidedAt ?? b.RecordedAt) > earliest && (b.DecidedAt ?? b.RecordedAt) <= interval.To, cancellationToken)
            || await db.Considerations.AnyAsync(c => c.What == Considerations.ConsiderationKind.Arrest && c.RecordedAt > earliest && c.RecordedAt <= interval.To, cancellationToken)
            || await db.Cases.AnyAsync(c => c.OutcomeRecordedAt != null && c.OutcomeRecordedAt > earliest && c.OutcomeRecordedAt <= interval.To, cancellationToken);
    }

    private async Task ReportAsync(RuleContext context, ContactAgreement agreement, Identities.Party victim, string key,
        IReadOnlyList<(AlertEvidenceKind, long)> news, string messageKey, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (team, officer) = await RiskFacts.OwnerAsync(context.Db, agreement.IncidentId, agreement.CaseId, cancellationToken);
        (AlertEvidenceKind, long) target = agreement.CaseId is { } c ? (AlertEvidenceKind.Case, c) : (AlertEvidenceKind.Incident, agreement.IncidentId!.Value);
        context.Report(new RuleFinding(
            RuleId,
            DefaultSeverity,
            agreement.ForceId,
            key,
            [target, .. news.Where(n => n != target), .. victim.RecordIds.Select(r => (AlertEvidenceKind.PersonRecord, r))],
            messageKey,
            arguments,
            Roles.Investigator,
            team,
            officer));
    }

    private static string On(ContactAgreement agreement) =>
        agreement.CaseId is { } c ? Case.Reference(c) : Incident.Reference(agreement.IncidentId!.Value);

    // Stored with the alert and shown in either language: a culture-free UK local time, as order-expiring does.
    private static string UkTime(DateTimeOffset at) => Infrastructure.Web.UkTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
