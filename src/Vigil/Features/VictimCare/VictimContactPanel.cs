using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.Offences;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.VictimCare;

public sealed record AgreementRow(
    long Id, string Reference, long VictimId, string VictimName, ContactFrequency Frequency, ContactMethod? Method, string? SafeContact,
    DateTimeOffset RecordedAt, string By, string On, bool Current);

public sealed record ContactRow(long Id, string Reference, long VictimId, string VictimName, DateTimeOffset RecordedAt, string By, string? Summary, IReadOnlyList<VictimInformed> Informs);

/// <summary>A current agreement made before a stage of the case: the officer should revisit it with the victim.</summary>
public sealed record RevisitPrompt(AgreementRow Agreement, Development Development);

/// <summary>Everything about keeping a case's victims informed, for the case page and the victim contact pages.</summary>
public sealed record VictimContactPanel(
    long CaseId,
    string CaseReference,
    DateTimeOffset Now,
    int WorkingDays,
    IReadOnlyList<VictimChoice> Victims,
    IReadOnlyList<AgreementRow> Agreements,
    IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<DevelopmentToTell> ToTell,
    IReadOnlyList<RevisitPrompt> Revisit)
{
    public IEnumerable<AgreementRow> Current => Agreements.Where(a => a.Current);

    /// <summary>Victims of the case with no agreement on it at all.</summary>
    public IEnumerable<VictimChoice> WithoutAgreement => Victims.Where(v => Agreements.All(a => a.VictimId != v.PersonRecordId));
}

/// <summary>
/// Reads a case's contact agreements (every revision, the latest current), its victims' contacts, what they must
/// be told (<see cref="SignificantDevelopments"/>) and the agreements to revisit. Only the force holding the case
/// keeps its victims informed, so only it reads this; the read is audited like every read of personal data.
/// </summary>
public sealed class VictimContactPanelHandler(
    AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, SignificantDevelopments developments, ImpactEvidenceChoices choices)
{
    public async Task<Outcome<VictimContactPanel>> ForCaseAsync(long caseId, CancellationToken cancellationToken)
    {
        if (user.ForceId is not long forceId)
        {
            return new Forbidden("Error.NoForce");
        }
        var holder = await db.Cases.Where(c => c.Id == caseId).Select(c => (long?)c.ForceId).FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return new NotFound();
        }
        if (holder != forceId)
        {
            return new Forbidden("Error.Force.ChangeOtherForce");
        }
        var now = time.GetUtcNow();
        var victims = await choices.VictimsAsync(caseId, cancellationToken);
        var names = victims.ToDictionary(v => v.PersonRecordId, v => v.Name);
        var incidents = await db.CaseIncidents.Where(c => c.CaseId == caseId).Select(c => c.IncidentId).ToListAsync(cancellationToken);
        var agreements = await db.ContactAgreements.AsNoTracking().Include(a => a.Victim)
            .Where(a => a.ForceId == forceId && (a.CaseId == caseId || (a.IncidentId != null && incidents.Contains(a.IncidentId.Value))))
            .OrderByDescending(a => a.RecordedAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        var current = agreements.GroupBy(a => a.VictimId).Select(g => g.First().Id).ToHashSet();
        var agreementRows = agreements.Select(a => new AgreementRow(a.Id, VictimCareApi.AgreementReference(a.Id), a.VictimId, a.Victim!.FullName,
            a.Frequency, a.Method, a.SafeContact, a.RecordedAt, a.ByName,
            a.CaseId is { } c ? Case.Reference(c) : Incident.Reference(a.IncidentId!.Value), current.Contains(a.Id))).ToList();

        var workingDays = await developments.WorkingDaysAsync(forceId, cancellationToken);
        var toTell = await developments.ForTargetAsync(null, caseId, null, now, workingDays, cancellationToken);
        var records = toTell.SelectMany(t => t.Victim.RecordIds).Concat(victims.Select(v => v.PersonRecordId)).Distinct().ToList();
        var contacts = await db.VictimContacts.AsNoTracking().Include(c => c.Victim)
            .Where(c => records.Contains(c.VictimId) && c.RecordedAt <= now)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        var contactRows = contacts.Select(c => new ContactRow(c.Id, VictimCareApi.ContactReference(c.Id), c.VictimId,
            names.GetValueOrDefault(c.VictimId, c.Victim!.FullName), c.RecordedAt, c.ByName, c.Summary, c.Informs)).ToList();

        // The latest stage each current agreement predates: arrest, bail, charge, NFA, an order granted or ended.
        var revisit = new List<RevisitPrompt>();
        foreach (var agreement in agreementRows.Where(a => a.Current))
        {
            var later = toTell.Where(t => t.Victim.RecordIds.Contains(agreement.VictimId) && t.Development.At > agreement.RecordedAt)
                .Select(t => t.Development).OrderByDescending(d => d.At).FirstOrDefault();
            if (later is not null)
            {
                revisit.Add(new RevisitPrompt(agreement, later));
            }
        }

        await db.RunAsync<bool>(async ct =>
        {
            audit.Add(AuditActions.Read, AuditEntities.VictimContact, caseId, detail: $"victim contact for {Case.Reference(caseId)}");
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        return new VictimContactPanel(caseId, Case.Reference(caseId), now, workingDays, victims, agreementRows, contactRows, toTell, revisit);
    }
}
