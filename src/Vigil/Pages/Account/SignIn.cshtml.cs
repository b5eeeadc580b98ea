using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.Audit;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;

namespace Vigil.Pages.Account;

public sealed class SignInModel(SignInManager<VigilUser> signIn, AppDbContext db, TimeProvider time, IWebHostEnvironment environment, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ShowDemoUsers => !environment.IsProduction();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", localizer["SignIn.UserNameRequired"]);
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", localizer["SignIn.PasswordRequired"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.UserName!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        await RecordAsync(result.Succeeded ? AuditActions.SignIn : AuditActions.SignInFailed, Input.UserName.Trim(), cancellationToken);
        if (!result.Succeeded)
        {
            // One message for every failure, so the page does not reveal which user names exist.
            ModelState.AddModelError("Input.UserName", localizer[result.IsLockedOut ? "SignIn.LockedOut" : "SignIn.Failed"]);
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task RecordAsync(string action, string userName, CancellationToken cancellationToken)
    {
        await db.RunAsync<bool>(async ct =>
        {
            var normalised = userName.ToUpperInvariant();
            var user = db.Users.FirstOrDefault(u => u.NormalizedUserName == normalised);
            db.AuditEvents.Add(new AuditEvent
            {
                At = time.GetUtcNow(),
                UserId = user?.Id,
                UserName = userName.Length > 256 ? userName[..256] : userName,
                Action = action,
                EntityType = AuditEntities.User,
                EntityId = user?.Id,
            });
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    public sealed class SignInInput
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}
