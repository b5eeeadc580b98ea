using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vigil.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string BodyKey { get; private set; } = "Error.Body";

    public void OnGet(int? code) => Choose(code);

    public void OnPost(int? code) => Choose(code);

    private void Choose(int? code)
    {
        (TitleKey, BodyKey) = code switch
        {
            404 => ("Error.NotFound.Title", "Error.NotFound.Body"),
            403 => ("Error.Forbidden.Title", "Error.Forbidden.Body"),
            400 => ("Error.BadRequest.Title", "Error.BadRequest.Body"),
            _ => ("Error.Title", "Error.Body"),
        };
    }
}
