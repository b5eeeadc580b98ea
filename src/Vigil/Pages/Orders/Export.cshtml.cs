using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.Pages.Orders;

/// <summary>The register as filtered, as CSV or an Excel workbook; audited as an export with its criteria.</summary>
[Authorize(Policy = Policies.ReadCaseData)]
public sealed class ExportModel(OrderRegisterHandler register, TimeProvider time, IStringLocalizer<SharedResource> localizer) : RegisterFilters
{
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var format = Format?.Trim().ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
        {
            return BadRequest();
        }
        var outcome = await register.ExportAsync(RegisterRequest(null, null), format, cancellationToken);
        if (!outcome.Succeeded)
        {
            return BadRequest();
        }
        var (content, contentType, fileName) = OrderRegisterApi.Export(outcome.Value!, format, localizer, time.GetUtcNow());
        return File(content, contentType, fileName);
    }
}
