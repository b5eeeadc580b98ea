using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vigil.Features.AccessTokens;
using Vigil.Infrastructure.Web;

namespace Vigil.Pages.Account;

public sealed class TokensModel(CreateAccessTokenHandler create, ListAccessTokensHandler list, RevokeAccessTokenHandler revoke, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public AccessTokenCreated? Created { get; private set; }

    public IReadOnlyList<AccessTokenView> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tokens = await list.HandleAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await create.HandleAsync(new CreateAccessTokenRequest(Input.Name), cancellationToken);
        if (outcome.Succeeded)
        {
            // Shown in this response only: a redirect would lose the one chance to copy it.
            Created = outcome.Value;
            Input = new();
        }
        else
        {
            ModelState.AddFailure(outcome.Failure!, localizer, GovukHtml.ToInputKey);
        }
        Tokens = await list.HandleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        await revoke.HandleAsync(id, cancellationToken);
        return RedirectToPage();
    }

    public sealed class TokenInput
    {
        public string? Name { get; set; }
    }
}
