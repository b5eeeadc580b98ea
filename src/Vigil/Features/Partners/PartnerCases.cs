using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.Referrals;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Partners;

public sealed record PartnerCaseSummary(long CaseId, string Reference, string ForceName, string VictimName, string ReferralReference, string To, string ConsentLevel, DateTimeOffset ReferredAt);

public sealed record PartnerContactArrangement(DateTimeOffset RecordedAt, string Frequency, string? Method, string? SafeContact);

public sealed record PartnerVictimUpdate(DateTimeOffset At, IReadOnlyList<string> Informs, string? Summary, string By);

public sealed record PartnerOrder(string Reference, string OrderType, string Status, DateTimeOffset? Starts, DateTimeOffset? Ends, IReadOnlyList<string> Conditions);

public sealed record PartnerIncident(string Reference, DateTimeOffset OccurredFrom, string Classification, IReadOnlyList<string> Behaviours);

public sealed record PartnerNoteView(string Reference, DateTimeOffset RecordedAt, string Kind, string Text, string By, string Agency);

/// <summary>
/// A case as a partner advocate sees it. At <see cref="ConsentLevel.ContactAndSafety"/>: the victim's name and the
/// agreed safe ways to contact them, the updates the victim has been given, the current risk grade, the orders
/// protecting them with their conditions (the person the order is against not named), the officer in case, and the
/// agency's own notes. <see cref="ConsentLevel.FullCaseInformation"/> adds the suspect's name, the incidents and the
/// offence decision. Nothing else — no addresses, narratives, witnesses or other people — at either level.
/// </summary>
public sealed record PartnerCaseView(
    long CaseId, string Reference, string ForceName, string? OfficerName, string ReferralReference, string To, string ConsentLevel, DateTimeOffset ReferredAt,
    string VictimName, IReadOnlyList<PartnerContactArrangement> ContactArrangements, IReadOnlyList<PartnerVictimUpdate> Updates,
    string? RiskGrade, DateTimeOffset? RiskAssessedAt, IReadOnlyList<PartnerOrder> Orders, IReadOnlyList<PartnerNoteView> Notes,
    string? SuspectName, IReadOnlyList<PartnerIncident>? Incidents, string? OffenceDecision);

public sealed record PartnerNoteRequest(string? Kind, string? Text);

public sealed class PartnerCasesHandler(AppDbContext db, CurrentUser user, AuditLog audit, PartnerAccess access, AlertEngine alerts, TimeProvider time, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The cases referred to the user's agency with consent in force; the listing is audited with the cases it showed.</summary>
    public async Task<Outcome<IReadOnlyList<PartnerCaseSummary>>> ListAsync(CancellationToken cancellationToken)
    {
        if (user.AgencyId is not long agencyId)
        {
            return new Forbidden("Error.Partner.NotReferred");
        }
        var rows = await PartnerAccess.Sharing(db, agencyId)
            .Select(r => new
            {
                CaseId = r.CaseId!.Value,
                Force = db.Cases.Where(c => c.Id == r.CaseId).Select(c => c.Force!.Name).First(),
                r.PersonRecord!.GivenName,
                r.PersonRecord.FamilyName,
                r.Id,
                r.To,
                r.ConsentLevel,
                r.RecordedAt,
            })
            .ToListAsync(cancellationToken);
        // One line per case: the latest consented referral decides, as it does for the case page.
        var cases = rows.GroupBy(r => r.CaseId).Select(g => g.OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).First())
            .OrderByDescending(r => r.RecordedAt)
            .Select(r => new PartnerCaseSummary(r.CaseId, Case.Reference(r.CaseId), r.Force, $"{r.GivenName} {r.FamilyName}", ReferralsApi.Reference(r.Id),
                r.To.ToString(), r.ConsentLevel!.Value.ToString(), r.RecordedAt))
            .ToList();
        await audit.RecordSearchAsync(AuditEntities.Case, $"partner cases for agency {agencyId}: {string.Join(",", cases.Select(c => c.Reference))}", cancellationToken);
        return cases;
    }

    public async Task<Outcome<PartnerCaseView>> GetAsync(long caseId, CancellationToken cancellationToken)
    {
        var authorised = await access.AuthoriseAsync(caseId, "case", cancellationToken);
        if (authorised.Value is not { } grant)
        {
            return authorised.Failure!;
        }
        var full = grant.Level == Referrals.ConsentLevel.FullCaseInformation;
        var c = await db.Cases.AsNoTracking().Include(x => x.Force).Include(x => x.Suspect).Include(x => x.OffenceDecisions)
            .FirstAsync(x => x.Id == caseId, cancellationToken);
        var referral = await db.Referrals.AsNoTracking().Include(r => r.PersonRecord).FirstAsync(r => r.Id == grant.ReferralId, cancellationToken);
        var incidentIds = await db.CaseIncidents.Where(x => x.CaseId == caseId).Select(x => x.IncidentId).ToListAsync(cancellationToken);
        var victim = grant.VictimId;

        var contact = (await db.ContactAgreements.AsNoTracking()
            .Where(a => a.VictimId == victim && ((a.CaseId != null && a.CaseId == caseId) || (a.IncidentId != null && incidentIds.Contains(a.IncidentId.Value))))
            .ToListAsync(cancellationToken))
            .OrderByDescending(a => a.RecordedAt)
            .Select(a => new PartnerContactArrangement(a.RecordedAt, a.Frequency.ToString(), a.Method?.ToString(), a.SafeContact)).ToList();
        var updates = (await db.VictimContacts.AsNoTracking().Where(v => v.VictimId == victim && v.ForceId == c.ForceId).ToListAsync(cancellationToken))
            .OrderByDescending(v => v.RecordedAt)
            .Select(v => new PartnerVictimUpdate(v.RecordedAt, v.Informs.Select(i => i.ToString()).ToList(), v.Summary, v.ByName)).ToList();
        var risk = (await RiskFacts.Completed(db).AsNoTracking().Include(r => r.Reviews).Where(r => r.VictimId == victim).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.CompletedAt).ThenByDescending(r => r.Id).FirstOrDefault();

        var wording = new OrderWording(localizer);
        var orders = await db.Orders.AsNoTracking().Include(o => o.Conditions).Include(o => o.Subject)
            .Where(o => o.Protected.Any(p => p.PersonRecordId == victim)).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var partnerOrders = orders.Select(o =>
        {
            // The person an order is against is named only at full case information, and only when it is this case's suspect.
            var subject = full && o.SubjectId == c.SuspectId && o.Subject is { } s ? s.FullName : localizer["Partner.OrderSubject"].Value;
            return new PartnerOrder(ProtectiveOrder.Reference(o.Id), o.OrderType.ToString(), o.Status.ToString(), o.Starts, o.Ends, wording.ForVictim(o, subject, []).Conditions);
        }).ToList();

        var notes = await NotesAsync(caseId, grant.AgencyId, cancellationToken);

        List<PartnerIncident>? incidents = null;
        string? decision = null;
        if (full)
        {
            incidents = (await db.Incidents.AsNoTracking().Where(i => incidentIds.Contains(i.Id)).ToListAsync(cancellationToken))
                .OrderBy(i => i.OccurredFrom)
                .Select(i => new PartnerIncident(Incident.Reference(i.Id), i.OccurredFrom, i.Classification.ToString(), i.Behaviours.Select(b => b.ToString()).ToList())).ToList();
            decision = c.OffenceDecisions.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).FirstOrDefault()?.Offence.ToString();
        }
        return new PartnerCaseView(
            caseId, Case.Reference(caseId), c.Force!.Name, c.OfficerName, ReferralsApi.Reference(referral.Id), referral.To.ToString(), grant.Level.ToString(), referral.RecordedAt,
            referral.PersonRecord!.FullName, contact, updates, risk?.EffectiveGrade?.ToString(), risk?.CompletedAt, partnerOrders, notes,
            full ? c.Suspect?.FullName : null, incidents, decision);
    }

    /// <summary>
    /// Records an advocate's concern or new information on the case, in the same transaction as its audit line and
    /// the rules it triggers: the officer in case is alerted (partner-information) and the victim's risk assessment
    /// is due for review (risk-reassessment-due).
    /// </summary>
    public async Task<Outcome<RecordCreated>> RecordNoteAsync(long caseId, PartnerNoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorised = await access.AuthoriseAsync(caseId, "record note", cancellationToken);
        if (authorised.Value is not { } grant)
        {
            return authorised.Failure!;
        }
        var errors = new ValidationErrors();
        var kind = CaseRecordInput.Required<PartnerNoteKind>(request.Kind, "kind", errors);
        var text = CaseRecordInput.Text(request.Text, PartnerNoteLimits.Text, "text", errors);
        if (text is null && !errors.Has("text"))
        {
            errors.Add("text", "Error.Partner.TextRequired");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var note = new PartnerNote
        {
            ForceId = grant.ForceId,
            CaseId = caseId,
            ReferralId = grant.ReferralId,
            AgencyId = grant.AgencyId,
            VictimId = grant.VictimId,
            Kind = kind,
            Text = text!,
            RecordedAt = time.GetUtcNow(),
            RecordedByUserId = user.UserId,
            ByName = user.DisplayName,
        };
        return await db.RunAsync<RecordCreated>(async ct =>
        {
            db.PartnerNotes.Add(note);
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.Create, AuditEntities.PartnerNote, note.Id, detail: $"partner {grant.AgencyCode} on {Case.Reference(caseId)}");
            await db.SaveChangesAsync(ct);
            await alerts.RunAsync(new RuleTrigger([], [caseId], Written: [new WrittenRecord(AuditEntities.PartnerNote, note.Id)]), ct);
            return new RecordCreated(note.Id, PartnerNote.Reference(note.Id));
        }, cancellationToken);
    }

    /// <summary>Notes on a case: the agency's own for its users, every agency's for the officers (<paramref name="agencyId"/> null).</summary>
    public async Task<IReadOnlyList<PartnerNoteView>> NotesAsync(long caseId, long? agencyId, CancellationToken cancellationToken) =>
        (await db.PartnerNotes.AsNoTracking().Include(n => n.Agency).Where(n => n.CaseId == caseId && (agencyId == null || n.AgencyId == agencyId)).ToListAsync(cancellationToken))
            .OrderByDescending(n => n.RecordedAt).ThenByDescending(n => n.Id)
            .Select(n => new PartnerNoteView(PartnerNote.Reference(n.Id), n.RecordedAt, n.Kind.ToString(), n.Text, n.ByName, n.Agency!.Name)).ToList();
}
