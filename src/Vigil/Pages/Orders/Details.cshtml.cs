using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Orders;
using Vigil.Features.Users;
using Vigil.Features.VictimCare;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;
using Vigil.Pages.Shared;

namespace Vigil.Pages.Orders;

/// <summary>
/// One order or bail in full: its conditions now and before, every change, every breach with its decision, the
/// exclusion zones drawn with the places that matter, the SPO timeline, and the victim's copy of the conditions with
/// a button to record that it was given. Read through the audited read; another force's order needs a purpose.
/// </summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class DetailsModel(GetOrderDetailsHandler get, RecordVictimContactHandler recordContact, RecordComplianceHandler recordCompliance, CurrentUser user, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public OrderDetails? Details { get; private set; }

    public OrderMap? Map { get; private set; }

    /// <summary>The victim's copy in the reader's language, then in the other language.</summary>
    public IReadOnlyList<VictimInformation> VictimCopies { get; private set; } = [];

    public string? OwnerForce { get; private set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public long? VictimId { get; set; }

    public bool Informed { get; private set; }

    [BindProperty]
    public long? ComplianceCondition { get; set; }

    [BindProperty]
    public string? ComplianceOutcome { get; set; }

    [BindProperty]
    public string? ComplianceNote { get; set; }

    /// <summary>The force managing the subject (or that applied) records whether requirements were met.</summary>
    public bool CanRecordCompliance => Details is not null && user.IsInAnyRole(Roles.ManageOrders) && Details.Order.IsHeldBy(user.ForceId);

    public bool InForce => Details?.Order.IsActiveAt(time.GetUtcNow()) == true;

    public OrderWording Wording { get; } = new(localizer);

    /// <summary>The victim's copy is for an order that protects them now or is about to.</summary>
    public bool ShowVictimInformation => Details?.Order.Status is OrderStatus.Granted or OrderStatus.Served && Details.Order.Protected.Count > 0;

    public bool CanRecordInformed => ShowVictimInformation && user.IsInAnyRole(Roles.RecordSafeguarding) && Details!.Order.IsHeldBy(user.ForceId);

    public Task<IActionResult> OnGetAsync(long id, bool informed, CancellationToken cancellationToken)
    {
        Informed = informed;
        return LoadAsync(id, null, cancellationToken);
    }

    public Task<IActionResult> OnPostPurposeAsync(long id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Purpose))
        {
            ModelState.AddModelError("Purpose", localizer["Error.Purpose.Required"]);
        }
        return LoadAsync(id, ModelState.IsValid ? Purpose : null, cancellationToken);
    }

    /// <summary>Records that the protected person was told the conditions, as a victim contact that tells them of the order.</summary>
    public async Task<IActionResult> OnPostInformedAsync(long id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, null, cancellationToken);
        if (Details is null)
        {
            return loaded;
        }
        if (!CanRecordInformed)
        {
            return Forbid();
        }
        var protectedIds = Details.Order.Protected.Select(p => p.PersonRecordId).ToList();
        var victim = protectedIds.Count == 1 ? protectedIds[0] : VictimId;
        if (victim is not long victimId || !protectedIds.Contains(victimId))
        {
            ModelState.AddModelError(nameof(VictimId), localizer["OrderPage.Informed.ChooseVictim"]);
            return Page();
        }
        var outcome = await recordContact.HandleAsync(new RecordVictimContactRequest(
            victimId, localizer["OrderPage.Informed.Summary", Details.Reference].Value, [nameof(VictimInformed.OrderGranted)], null), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, localizer, _ => string.Empty);
            return Page();
        }
        return Redirect($"/Orders/Details?id={id}&informed=true#victim-information");
    }

    /// <summary>Records whether the subject met a positive requirement, through the API's handler.</summary>
    public async Task<IActionResult> OnPostComplianceAsync(long id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, null, cancellationToken);
        if (Details is null)
        {
            return loaded;
        }
        if (!CanRecordCompliance)
        {
            return Forbid();
        }
        var outcome = await recordCompliance.HandleAsync(id, new RecordComplianceRequest(ComplianceCondition, ComplianceOutcome, null, ComplianceNote), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, localizer, field => field switch
            {
                "conditionId" => nameof(ComplianceCondition),
                "outcome" => nameof(ComplianceOutcome),
                "note" => nameof(ComplianceNote),
                _ => string.Empty,
            });
            return Page();
        }
        return Redirect($"/Orders/Details?id={id}#requirements");
    }

    public static string StateTag(RequirementState state) => state switch
    {
        RequirementState.Met => "govuk-tag--green",
        RequirementState.NotMet or RequirementState.Overdue => "govuk-tag--red",
        RequirementState.Due => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };

    public string ConditionText(OrderCondition condition) =>
        Wording.Condition(condition, Details!.Order.OrderType, Details.ProtectedNames, Details.ProtectedPlaces);

    /// <summary>A change row in words: each part it changed.</summary>
    public string ChangeText(OrderChange change, bool first)
    {
        var parts = new List<string>();
        if (first)
        {
            parts.Add(localizer["OrderPage.Change.Recorded"].Value);
        }
        if (change.OrderType is { } type && !first)
        {
            parts.Add(localizer["OrderPage.Change.Type", localizer["OrderType." + type].Value].Value);
        }
        if (change.Status is { } status)
        {
            parts.Add(localizer["OrderPage.Change.Status", localizer["OrderStatus." + status].Value].Value);
        }
        if (change.Ends is { } ends)
        {
            parts.Add(localizer["OrderPage.Change.Ends", UkTime.FormatDate(ends)].Value);
        }
        if (change.ConditionsReplaced)
        {
            parts.Add(localizer[first ? "OrderPage.Change.ConditionsSet" : "OrderPage.Change.ConditionsReplaced"].Value);
        }
        return string.Join("; ", parts);
    }

    public static string Metres(double? metres) => metres is { } m ? m.ToString("N0", CultureInfo.CurrentCulture) : "";

    private async Task<IActionResult> LoadAsync(long id, string? purpose, CancellationToken cancellationToken)
    {
        var read = await PurposeRead.LoadAsync(this, p => get.HandleAsync(id, p, cancellationToken), purpose, localizer);
        (Details, OwnerForce) = (read.Value, read.OwnerForce);
        if (Details is not null)
        {
            Map = Details.Map();
            if (ShowVictimInformation)
            {
                var reader = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "cy" ? "cy" : "en";
                var details = Details;
                VictimCopies = [.. new[] { reader, reader == "cy" ? "en" : "cy" }.Select(language =>
                    OrderWording.InLanguage(language, () => Wording.ForVictim(details.Order, details.SubjectName, details.ProtectedPlaces)))];
            }
        }
        return read.Response ?? Page();
    }
}
