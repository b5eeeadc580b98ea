using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vigil.Pages.Api;

/// <summary>A browsable reference built from the same endpoint metadata as the OpenAPI document, so it cannot drift.</summary>
public sealed class IndexModel(EndpointDataSource endpoints, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record ApiEndpoint(string Tag, string Method, string Path, string Summary);

    public IReadOnlyList<IGrouping<string, ApiEndpoint>> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Select(e => new ApiEndpoint(
                e.Metadata.GetMetadata<ITagsMetadata>()?.Tags is { Count: > 0 } tags ? Localised("Api.Tag." + PascalCase(tags[0]), tags[0]) : "",
                string.Join(", ", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []),
                e.RoutePattern.RawText!,
                Localised("Api.Endpoint." + e.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.Name, e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? "")))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .GroupBy(e => e.Tag)
            .ToList();
    }

    /// <summary>"Person records" → "PersonRecords", the resource key's form.</summary>
    private static string PascalCase(string words) =>
        string.Concat(words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>The page speaks the reader's language; the OpenAPI document keeps the English summaries.</summary>
    private string Localised(string key, string fallback)
    {
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
