using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;

namespace Vigil.Features.Evidence;

public sealed record EvidenceView(CaseRecordHeader Record, string Kind, string Status, DateTimeOffset? AvailableUntil, DateTimeOffset? ExpectedBy);

public static class EvidenceApi
{
    public static string Reference(long id) => $"EVD{id:D6}";

    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api) =>
        api.MapRecord<RecordEvidenceRequest, RecordEvidenceHandler, EvidenceItem, EvidenceView>(
            "evidence", "Evidence", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record a piece of evidence and its status, with the date it will be lost or is expected", "A piece of evidence",
            AuditEntities.Evidence, db => db.EvidenceItems,
            e => new EvidenceView(CaseRecordHeader.Of(e, Reference(e.Id)), e.Kind.ToString(), e.Status.ToString(), e.AvailableUntil, e.ExpectedBy));
}
