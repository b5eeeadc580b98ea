using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Orders;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Orders;

/// <summary>The force's order register: what is in force, pending, about to end or recently breached, by type and officer.</summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class IndexModel(OrderRegisterHandler register, IStringLocalizer<SharedResource> localizer) : RegisterFilters
{
    public PageOf<OrderRegisterRow>? Results { get; private set; }

    public IReadOnlyList<RegisterOfficer> Officers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Officers = await register.OfficersAsync(cancellationToken);
        var outcome = await register.HandleAsync(RegisterRequest(PageNumber ?? 1, 20), cancellationToken);
        if (outcome.Succeeded)
        {
            Results = outcome.Value;
        }
        else
        {
            ModelState.AddFailure(outcome.Failure!, localizer, f => f switch { "view" => "View", "type" => "Type", "status" => "Status", "page" => "p", _ => string.Empty });
        }
    }

    public string PageUrl(int page) => "/Orders?" + Query() + $"&p={page}";

    public string ExportUrl(string format) => $"/Orders/Export?format={format}&" + Query();
}

/// <summary>The register's filters as the query string carries them, shared by the register and its export.</summary>
public abstract class RegisterFilters : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    protected OrderRegisterRequest RegisterRequest(int? page, int? pageSize) => new(View, Type, Status, Officer, page, pageSize);

    protected string Query() =>
        $"View={Uri.EscapeDataString(View ?? "")}&Type={Uri.EscapeDataString(Type ?? "")}&Status={Uri.EscapeDataString(Status ?? "")}&Officer={Uri.EscapeDataString(Officer ?? "")}";
}
