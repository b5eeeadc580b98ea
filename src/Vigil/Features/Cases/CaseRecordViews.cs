namespace Vigil.Features.Cases;

/// <summary>What every record about an incident or a case shows: which, by which force, when and by whom.</summary>
public sealed record CaseRecordHeader(long Id, string Reference, long ForceId, long? IncidentId, long? CaseId, DateTimeOffset RecordedAt, string By)
{
    public static CaseRecordHeader Of(CaseRecord record, string reference) =>
        new(record.Id, reference, record.ForceId, record.IncidentId, record.CaseId, record.RecordedAt, record.ByName);
}
