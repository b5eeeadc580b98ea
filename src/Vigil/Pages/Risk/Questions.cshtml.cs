using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Risk;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Risk;

/// <summary>
/// One step of the risk questions: a few questions, each yes, no or not known, pre-filled from what linked
/// records show (and saying which). Saved when the officer continues, so a long form is never lost.
/// </summary>
[Authorize(Policy = Policies.RecordSafeguarding)]
public sealed class QuestionsModel(RiskAssessmentQueries queries, RiskAssessmentWorkflow workflow, AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> localizer)
    : RiskDraftPage(queries, user)
{
    [BindProperty(SupportsGet = true)]
    public int Step { get; set; } = 1;

    [BindProperty]
    public string? Version { get; set; }

    /// <summary>Answers posted: "yes", "no" or "unknown" by question id.</summary>
    [BindProperty]
    public Dictionary<string, string> Answers { get; set; } = [];

    public IReadOnlyList<string> Questions { get; private set; } = [];

    public int Steps { get; private set; }

    public IReadOnlyDictionary<string, SuggestedAnswer> Suggestions { get; private set; } = new Dictionary<string, SuggestedAnswer>();

    public RiskReference Reference { get; private set; } = RiskReference.Default;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } other)
        {
            return other;
        }
        Version = Assessment!.Version.ToString();
        foreach (var question in Questions)
        {
            Answers[question] = Assessment.Answers.TryGetValue(question, out var yes) ? (yes ? "yes" : "no")
                : Suggestions.ContainsKey(question) ? "yes" : "";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var posted = new Dictionary<string, string>(Answers);
        ModelState.Clear();
        if (await LoadAsync(cancellationToken) is { } other)
        {
            return other;
        }
        Answers = posted;
        var changes = Questions.ToDictionary(q => q, q => posted.GetValueOrDefault(q) switch
        {
            "yes" => true,
            "no" => (bool?)false,
            _ => null,
        });
        var outcome = await workflow.SaveDraftAsync(Id, new SaveRiskDraftRequest(Version, changes, null, null), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, localizer, _ => string.Empty);
            return Page();
        }
        return Redirect(Step < Steps ? $"/Risk/Questions?id={Id}&step={Step + 1}" : $"/Risk/Grade?id={Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(cancellationToken) is { } other)
        {
            return other;
        }
        var steps = RiskQuestions.Steps(Assessment!.Tool);
        Steps = steps.Count;
        if (Step < 1 || Step > Steps)
        {
            return NotFound();
        }
        Questions = steps[Step - 1];
        Suggestions = RiskPrefill.Suggest(Picture!, Assessment.Tool).ToDictionary(s => s.QuestionId);
        Reference = await RiskReference.ForForceAsync(db, Assessment.ForceId, cancellationToken);
        return null;
    }
}
