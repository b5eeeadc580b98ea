using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Users;

namespace Vigil.Features.VictimCare;

public sealed record ContactAgreementView(CaseRecordHeader Record, long VictimId, string Frequency, string? Method, string? SafeContact);

public sealed record VictimRecordView(long Id, string Reference, long ForceId, long VictimId, DateTimeOffset RecordedAt, string By, string? Summary, IReadOnlyList<string> Informs, string? Text);

/// <summary>Advice as given: the words, where it was given from, and the library items it was built from.</summary>
public sealed record AdviceView(long Id, string Reference, long ForceId, long VictimId, DateTimeOffset RecordedAt, string By, string Text,
    long? CaseId, long? IncidentId, IReadOnlyList<string> Library);

public static class VictimCareApi
{
    public static string AgreementReference(long id) => $"CAG{id:D6}";

    public static string ContactReference(long id) => $"VCT{id:D6}";

    public static string AdviceReference(long id) => $"ADV{id:D6}";

    public static RouteGroupBuilder MapVictimCareApi(this RouteGroupBuilder api) => api
        .MapRecord<RecordContactAgreementRequest, RecordContactAgreementHandler, ContactAgreement, ContactAgreementView>(
            "contact-agreements", "Victim care", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record how and how often a victim is kept informed, and how to contact them safely", "A contact agreement",
            AuditEntities.ContactAgreement, db => db.ContactAgreements,
            c => new ContactAgreementView(CaseRecordHeader.Of(c, AgreementReference(c.Id)), c.VictimId, c.Frequency.ToString(), c.Method?.ToString(), c.SafeContact))
        .MapRecord<RecordVictimContactRequest, RecordVictimContactHandler, VictimContact, VictimRecordView>(
            "victim-contacts", "Victim care", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record a contact with a victim and what it told them", "A victim contact",
            AuditEntities.VictimContact, db => db.VictimContacts,
            c => new VictimRecordView(c.Id, ContactReference(c.Id), c.ForceId, c.VictimId, c.RecordedAt, c.ByName, c.Summary, [.. c.Informs.Select(i => i.ToString())], null))
        .MapRecord<RecordAdviceRequest, RecordAdviceHandler, Advice, AdviceView>(
            "advice", "Victim care", Policies.RecordSafeguarding, Policies.ReadCaseData,
            "Record safety advice given to a victim, word for word", "Advice given to a victim",
            AuditEntities.Advice, db => db.Advice,
            a => new AdviceView(a.Id, AdviceReference(a.Id), a.ForceId, a.VictimId, a.RecordedAt, a.ByName, a.Text,
                a.CaseId, a.IncidentId, [.. a.LibraryItems.Select(i => i.ToString())]));
}
