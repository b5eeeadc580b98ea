using System.Globalization;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Cases;

/// <summary>Sets the case status and Home Office outcome. Closing a case needs an outcome; outcome 1 means charged.</summary>
public sealed class RecordCaseOutcomeHandler(CaseChange caseChange, TimeProvider time)
{
    public Task<Outcome<CaseCreated>> HandleAsync(long id, CaseOutcomeRequest request, CancellationToken cancellationToken)
    {
        CaseStatus status = default;
        return caseChange.ApplyAsync(id, request.Version,
            (@case, errors, _) =>
            {
                if (string.IsNullOrWhiteSpace(request.Status))
                {
                    errors.Add("status", "Error.Case.StatusRequired");
                }
                else if (!EnumInput.TryParse(request.Status, out status))
                {
                    errors.Add("status", "Error.Case.Status", EnumInput.Names<CaseStatus>());
                }
                if (request.Outcome is int outcome && !HomeOfficeOutcomes.IsValid(outcome))
                {
                    errors.Add("outcome", "Error.Case.Outcome", HomeOfficeOutcomes.Min, HomeOfficeOutcomes.Max);
                }
                else if (status == CaseStatus.Closed && request.Outcome is null)
                {
                    errors.Add("outcome", "Error.Case.OutcomeRequiredToClose");
                }
                else if (status == CaseStatus.Open && request.Outcome is not null)
                {
                    errors.Add("outcome", "Error.Case.OutcomeOnOpenCase");
                }
                else if (status == CaseStatus.Closed && request.Outcome == HomeOfficeOutcomes.ChargedOrSummonsed)
                {
                    errors.Add("status", "Error.Case.ChargedNotClosed");
                }
                return Task.CompletedTask;
            },
            @case =>
            {
                @case.Status = status;
                @case.Outcome = request.Outcome ?? (status == CaseStatus.Charged ? HomeOfficeOutcomes.ChargedOrSummonsed : null);
                @case.OutcomeRecordedAt = @case.Outcome is null ? null : time.GetUtcNow();
            },
            string.Create(CultureInfo.InvariantCulture, $"status={request.Status}; outcome={request.Outcome}"),
            cancellationToken);
    }
}
