using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;

namespace Vigil.Features.Screening;

public sealed record ScreeningView(CaseRecordHeader Record, bool? Fixated, bool? Obsessive, bool? Unwanted, bool? Repeated, bool FourYes, IReadOnlyDictionary<string, bool> Answers, string? NotStalkingReason);

public static class ScreeningApi
{
    public static string Reference(long id) => $"SCR{id:D6}";

    public static RouteGroupBuilder MapScreeningApi(this RouteGroupBuilder api) =>
        api.MapRecord<RecordScreeningRequest, RecordScreeningHandler, StalkingScreening, ScreeningView>(
            "screenings", "Screening", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record a stalking screening (FOUR and the screening topics) on an incident or a case", "A stalking screening",
            AuditEntities.Screening, db => db.Screenings,
            s => new ScreeningView(CaseRecordHeader.Of(s, Reference(s.Id)), s.Fixated, s.Obsessive, s.Unwanted, s.Repeated, s.FourYes, s.Answers, s.NotStalkingReason));
}
