using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Evidence;
using Vigil.Features.Incidents;
using Vigil.Features.Screening;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Features.Offences;

public sealed record OffenceGuidanceView(
    long CaseId, string CaseReference, bool OwnForce, string? LatestDecision, string? DecisionAdvice,
    IReadOnlyList<OffenceGuidanceItem> Offences, IReadOnlyList<HelpfulEvidenceView> HelpfulEvidence, IReadOnlyList<GuidanceRecordView> Records);

/// <summary>One offence: its code ("S4A"), name and Act in the reader's language, overall status and checklist.</summary>
public sealed record OffenceGuidanceItem(string Offence, string Name, string Act, string Status, IReadOnlyList<GuidancePointView> Points);

/// <summary>One point to prove: what must be shown, how far the records go, which records, and what is still missing.</summary>
public sealed record GuidancePointView(string Point, string Text, string Status, IReadOnlyList<GuidanceSupportView> Support, IReadOnlyList<string> Missing);

/// <summary>A record a point rests on; <see cref="Href"/> is where the API reads it.</summary>
public sealed record GuidanceSupportView(string Kind, long Id, string Reference, string Href);

public sealed record HelpfulEvidenceView(string Kind, string Name, string Reason);

/// <summary>A record the guidance read, described in the reader's language.</summary>
public sealed record GuidanceRecordView(string Kind, long Id, string Reference, DateTimeOffset At, string Details);

/// <summary>
/// The offence guidance of one case for the page and the API: gathers the case's incidents and every record on the
/// case or its incidents, has <see cref="OffenceGuidance"/> read them, and words the answer in the reader's
/// language. Reading it is reading the case, and is audited and refused across forces in the same way.
/// </summary>
public sealed class GetOffenceGuidanceHandler(AppDbContext db, RecordAccess access, IStringLocalizer<SharedResource> localizer)
{
    public async Task<Outcome<OffenceGuidanceView>> HandleAsync(long caseId, string? purpose, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.Id, c.ForceId, ForceCode = c.Force!.Code })
            .FirstOrDefaultAsync(cancellationToken);
        if (@case is null)
        {
            return new NotFound();
        }
        var failure = await access.AuthoriseReadAsync(AuditEntities.Case, caseId, @case.ForceId, @case.ForceCode, purpose, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var incidents = await db.CaseIncidents.AsNoTracking().Where(ci => ci.CaseId == caseId).Select(ci => ci.Incident!).ToListAsync(cancellationToken);
        var ids = incidents.Select(i => i.Id).ToList();
        var evidence = await OnCase(db.EvidenceItems, caseId, ids).ToListAsync(cancellationToken);
        var impact = await OnCase(db.ImpactEvidence, caseId, ids).ToListAsync(cancellationToken);
        var screenings = await OnCase(db.Screenings, caseId, ids).ToListAsync(cancellationToken);
        var decisions = await db.OffenceDecisions.AsNoTracking().Where(d => d.CaseId == caseId)
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Select(d => d.Offence).ToListAsync(cancellationToken);

        var facts = new CaseFacts(
            [.. incidents.Select(i => new CaseFacts.IncidentFact(i.Id, i.OccurredFrom, i.Classification, i.IncludedClassifications, i.Behaviours, i.Channels,
                i.Relationship, i.Impact.FearOfViolence, i.Impact.SeriousAlarmOrDistress, i.Impact.ChangedRoutine, i.Domestic))],
            [.. evidence.Select(e => new CaseFacts.EvidenceFact(e.Id, e.Kind, e.Status))],
            [.. impact.Select(e => new CaseFacts.ImpactFact(e.Id, e.Kind, e.Effects.ToHashSet(), e.FearOccasions))],
            [.. screenings.Select(s => new CaseFacts.ScreeningFact(s.Id, s.FourYes))],
            decisions);
        var result = OffenceGuidance.Assess(facts);

        var records = new List<GuidanceRecordView>();
        records.AddRange(incidents.OrderBy(i => i.OccurredFrom).Select(i => new GuidanceRecordView(nameof(SupportKind.Incident), i.Id, Incident.Reference(i.Id), i.OccurredFrom,
            L("Guidance.Record.Incident", Name("Classification", i.Classification), Impact(i.Impact)))));
        records.AddRange(impact.OrderBy(e => e.ObtainedAt).Select(e => new GuidanceRecordView(nameof(SupportKind.ImpactEvidence), e.Id, ImpactEvidence.Reference(e.Id), e.ObtainedAt,
            ImpactDetails(e, localizer))));
        records.AddRange(evidence.OrderBy(e => e.RecordedAt).Select(e => new GuidanceRecordView(nameof(SupportKind.Evidence), e.Id, EvidenceApi.Reference(e.Id), e.RecordedAt,
            L("Safeguarding.Evidence", Name("EvidenceKind", e.Kind), Name("EvidenceStatus", e.Status)))));
        records.AddRange(screenings.OrderBy(s => s.RecordedAt).Select(s => new GuidanceRecordView(nameof(SupportKind.Screening), s.Id, ScreeningApi.Reference(s.Id), s.RecordedAt,
            L(s.FourYes ? "Guidance.Record.ScreeningFourYes" : "Guidance.Record.Screening"))));

        return new OffenceGuidanceView(
            caseId,
            Case.Reference(caseId),
            access.IsOwnForce(@case.ForceId),
            decisions.Count > 0 ? decisions[0].ToString() : null,
            result.Decision is { } advice ? Text(advice) : null,
            [.. result.Offences.Select(o => new OffenceGuidanceItem(o.Offence.ToString(), L($"Offence.{o.Offence}.Name"), L($"Offence.{o.Offence}.Act"), o.Status.ToString(),
                [.. o.Points.Select(p => new GuidancePointView(p.Point.ToString(), L($"Guidance.Point.{p.Point}"), p.Status.ToString(),
                    [.. p.Support.Select(s => new GuidanceSupportView(s.Kind.ToString(), s.Id, s.Reference, Href(s)))],
                    [.. p.Missing.Select(Text)]))]))],
            [.. result.Helpful.Select(h => new HelpfulEvidenceView(h.Kind, L(h.Kind == "ImpactEvidence" ? "Safeguarding.Kind.ImpactEvidence" : $"EvidenceKind.{h.Kind}"), L(h.ReasonKey)))],
            records);
    }

    /// <summary>One line describing impact evidence, shared with the case's safeguarding section.</summary>
    public static string ImpactDetails(ImpactEvidence e, IStringLocalizer localizer)
    {
        var effects = e.Effects.Select(x => x == ImpactEffect.FearOfViolence && e.FearOccasions is { } n
            ? localizer["ImpactEffect.FearOfViolence.Occasions", n].Value
            : localizer[$"ImpactEffect.{x}"].Value).ToList();
        if (e.OtherEffect is { } other)
        {
            effects.Add(other);
        }
        var described = effects.Count == 0 ? localizer["Impact.NoEffects"].Value : string.Join("; ", effects);
        return localizer["Impact.Details", ImpactEvidence.Reference(e.Id), localizer[$"ImpactEvidenceKind.{e.Kind}"].Value, UkTime.FormatDate(e.ObtainedAt), described, e.Summary].Value.Trim();
    }

    private static string Href(Support s) => s.Kind switch
    {
        SupportKind.Incident => $"/api/v1/incidents/{s.Id}",
        SupportKind.Evidence => $"/api/v1/evidence/{s.Id}",
        SupportKind.ImpactEvidence => $"/api/v1/impact-evidence/{s.Id}",
        _ => $"/api/v1/screenings/{s.Id}",
    };

    private string Impact(Impact impact)
    {
        var flags = new List<string>();
        if (impact.FearOfViolence)
        {
            flags.Add(L("Impact.FearOfViolence"));
        }
        if (impact.SeriousAlarmOrDistress)
        {
            flags.Add(L("Impact.SeriousAlarmOrDistress"));
        }
        if (impact.ChangedRoutine)
        {
            flags.Add(L("Impact.ChangedRoutine"));
        }
        return flags.Count == 0 ? L("Impact.NoneRecorded") : string.Join(", ", flags);
    }

    private static IQueryable<T> OnCase<T>(DbSet<T> records, long caseId, List<long> incidents) where T : CaseRecord =>
        records.AsNoTracking().Where(r => r.CaseId == caseId || (r.IncidentId != null && incidents.Contains(r.IncidentId.Value)));

    private string Text(GuidanceNote note) => AlertText.Format(localizer, note.Key, note.Arguments).Trim();

    private string Name<T>(string family, T value) where T : struct, Enum => localizer[$"{family}.{value}"].Value;

    private string L(string key, params object[] arguments) => localizer[key, arguments].Value.Trim();
}
