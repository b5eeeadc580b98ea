using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Shared;

/// <summary>
/// How a page reads a record that may belong to another force: show it, ask for a purpose (with the reason a
/// given purpose was refused), answer 404, or refuse. Shared by the person, incident and case pages.
/// </summary>
internal static class PurposeRead
{
    public sealed record Result<T>(T? Value, string? OwnerForce, IActionResult? Response);

    public static async Task<Result<T>> LoadAsync<T>(PageModel page, Func<string?, Task<Outcome<T>>> read, string? purpose, IStringLocalizer localizer)
    {
        var outcome = await read(purpose);
        if (outcome.Failure is Invalid invalid)
        {
            page.ModelState.AddFailure(invalid, localizer, _ => "Purpose");
            outcome = await read(null);
        }
        return outcome.Failure switch
        {
            null => new Result<T>(outcome.Value, null, null),
            NotFound => new Result<T>(default, null, page.NotFound()),
            PurposeRequired required => new Result<T>(default, required.ForceCode, null),
            _ => new Result<T>(default, null, page.Forbid()),
        };
    }
}
