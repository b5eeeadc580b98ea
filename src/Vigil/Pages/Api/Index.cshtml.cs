using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vigil.Pages.Api;

/// <summary>A browsable reference built from the same endpoint metadata as the OpenAPI document, so it cannot drift.</summary>
public sealed class IndexModel(EndpointDataSource endpoints) : PageModel
{
    public sealed record ApiEndpoint(string Tag, string Method, string Path, string Summary);

    public IReadOnlyList<IGrouping<string, ApiEndpoint>> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Select(e => new ApiEndpoint(
                (e.Metadata.GetMetadata<ITagsMetadata>()?.Tags is { Count: > 0 } tags ? tags[0] : ""),
                string.Join(", ", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []),
                e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? ""))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .GroupBy(e => e.Tag)
            .ToList();
    }
}
