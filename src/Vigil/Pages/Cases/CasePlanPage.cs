using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Cases;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;
using Vigil.Infrastructure.Web;
using Vigil.Pages.Shared;

namespace Vigil.Pages.Cases;

/// <summary>
/// What the considerations, evidence and advice pages share: the case read as the case page reads it (audited;
/// another force's case after a recorded purpose), who may add to it, and the outcome of a write shown by field.
/// </summary>
public abstract class CasePlanPage(GetCaseHandler get, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CaseView? Case { get; private set; }

    public string? OwnerForce { get; private set; }

    public string? Message { get; protected set; }

    [BindProperty]
    public string? Purpose { get; set; }

    protected CurrentUser Officer => user;

    protected IStringLocalizer Localizer => localizer;

    /// <summary>Only the force holding the case records on it, and only in a role that records safeguarding.</summary>
    public bool CanRecord => user.IsInAnyRole(Roles.RecordSafeguarding) && Case?.OwnForce == true;

    public Task<IActionResult> OnPostPurposeAsync(long id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Purpose))
        {
            ModelState.AddModelError("Purpose", localizer["Error.Purpose.Required"]);
        }
        return LoadAsync(id, ModelState.IsValid ? Purpose : null, cancellationToken);
    }

    protected async Task<IActionResult> LoadAsync(long id, string? purpose, CancellationToken cancellationToken)
    {
        var read = await PurposeRead.LoadAsync(this, p => get.HandleAsync(id, p, cancellationToken), purpose, localizer);
        (Case, OwnerForce) = (read.Value, read.OwnerForce);
        if (read.Response is null && Case is not null)
        {
            await LoadPlanAsync(Case, cancellationToken);
        }
        return read.Response ?? Page();
    }

    /// <summary>The page's own records, once the case has been read.</summary>
    protected abstract Task LoadPlanAsync(CaseView view, CancellationToken cancellationToken);

    /// <summary>Whether a "saved" value from the address is a reference of the page's records: only that is shown back.</summary>
    protected static bool IsReference(string? text, string prefix) =>
        text is { Length: > 3 and <= 12 } && text.StartsWith(prefix, StringComparison.Ordinal) && text[prefix.Length..].All(char.IsAsciiDigit);

    /// <summary>Puts each problem a handler found beside its field (<paramref name="map"/> names the form field).</summary>
    protected void ShowFailure(Failure failure, Func<FieldError, (string Key, string Message)?> map)
    {
        if (failure is Invalid invalid)
        {
            foreach (var error in invalid.Errors)
            {
                var (key, message) = map(error) ?? (GovukHtml.ToInputKey(error.Field), localizer[error.MessageKey, error.Args]);
                ModelState.AddModelError(key, message);
            }
            return;
        }
        ModelState.AddFailure(failure, localizer, GovukHtml.ToInputKey);
    }
}
