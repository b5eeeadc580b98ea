using Microsoft.EntityFrameworkCore;
using Vigil.Features.Audit;
using Vigil.Features.Partners;
using Vigil.Features.People;
using Vigil.Features.Users;

namespace Vigil.Features.Alerts.Rules;

/// <summary>
/// <c>partner-information</c>: a partner advocate recorded a concern or new information on a case referred to
/// their agency. The officer in case (and their team) is asked to read it and act: a concern is high, new
/// information a warning. The reviews found advocates' emails from charity addresses ignored; a note on the case
/// with an alert to a named owner cannot be.
/// </summary>
public sealed class PartnerInformationRule : IRule
{
    public const string RuleId = "partner-information";

    /// <summary>How much of the note the alert quotes: enough to judge urgency, the rest is on the case.</summary>
    private const int Quote = 200;

    public string Id => RuleId;

    public AlertSeverity DefaultSeverity => AlertSeverity.Warning;

    public async Task EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        foreach (var noteId in context.Trigger.RecordsOf(AuditEntities.PartnerNote))
        {
            var note = await context.Db.PartnerNotes.AsNoTracking().Where(n => n.Id == noteId)
                .Select(n => new { n.Id, n.ForceId, n.CaseId, n.VictimId, n.Kind, n.Text, Agency = n.Agency!.Name })
                .FirstOrDefaultAsync(cancellationToken);
            if (note is null)
            {
                continue;
            }
            var holder = await context.Db.Cases.Where(c => c.Id == note.CaseId).Select(c => new { c.TeamId, c.OfficerName }).FirstAsync(cancellationToken);
            var concern = note.Kind == PartnerNoteKind.Concern;
            var quote = note.Text.Length <= Quote ? note.Text : note.Text[..Quote] + "…";
            context.Report(new RuleFinding(
                RuleId,
                concern ? AlertSeverity.High : AlertSeverity.Warning,
                note.ForceId,
                $"partner-note:{note.Id}",
                [(AlertEvidenceKind.Case, note.CaseId), (AlertEvidenceKind.PersonRecord, note.VictimId)],
                concern ? "Alert.PartnerInformation.Concern" : "Alert.PartnerInformation.NewInformation",
                [note.Agency, Cases.Case.Reference(note.CaseId), PersonRecord.Reference(note.VictimId), quote, PartnerNote.Reference(note.Id)],
                Roles.Investigator,
                holder.TeamId,
                holder.OfficerName));
        }
    }
}
