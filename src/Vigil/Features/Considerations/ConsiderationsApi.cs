using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;

namespace Vigil.Features.Considerations;

public sealed record ConsiderationView(CaseRecordHeader Record, string What, string Decision, string? Rationale);

public static class ConsiderationsApi
{
    public static string Reference(long id) => $"CON{id:D6}";

    public static RouteGroupBuilder MapConsiderationsApi(this RouteGroupBuilder api) =>
        api.MapRecord<RecordConsiderationRequest, RecordConsiderationHandler, Consideration, ConsiderationView>(
            "considerations", "Considerations", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record an option considered (SPO, DVPN, MARAC, arrest…), whether it was progressed, and why", "A consideration",
            AuditEntities.Consideration, db => db.Considerations,
            c => new ConsiderationView(CaseRecordHeader.Of(c, Reference(c.Id)), c.What.ToString(), c.Decision.ToString(), c.Rationale));
}
