using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Features.Audit;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;

namespace Vigil.Pages.Account;

public sealed class SignOutModel(SignInManager<VigilUser> signIn, AuditLog audit, AppDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await db.RunAsync<bool>(async ct =>
        {
            audit.Add(AuditActions.SignOut, AuditEntities.User, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        await signIn.SignOutAsync();
        return Redirect("/Account/SignIn");
    }
}
