using Microsoft.AspNetCore.Mvc;
using Vigil.Features.Users;
using Vigil.Features.VictimCare;
using Vigil.Infrastructure.Security;

namespace Vigil.Pages.VictimCare;

/// <summary>
/// The case page's victim contact section: the current agreement for each victim, the agreements to revisit after
/// a stage of the case, and "Tell the victim" — who must be told what, by when, done or overdue. A component, not
/// a partial, so the case page includes it with one line and carries no victim care code of its own.
/// </summary>
public sealed class VictimContactViewComponent(VictimContactPanelHandler panel, CurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long caseId)
    {
        // Only the force holding the case keeps its victims informed; others see nothing here.
        var outcome = await panel.ForCaseAsync(caseId, HttpContext.RequestAborted);
        if (outcome.Value is not { } value)
        {
            return Content("");
        }
        return View(new VictimContactViewModel(value, user.IsInAnyRole(Roles.RecordSafeguarding)));
    }
}

public sealed record VictimContactViewModel(VictimContactPanel Panel, bool CanRecord);
