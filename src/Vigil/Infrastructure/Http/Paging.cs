namespace Vigil.Infrastructure.Http;

/// <summary>The one paging rule for every list: pages from 1, page sizes from 1 to the list's maximum (20 by default).</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;

    public static (int Page, int PageSize) Read(int? page, int? pageSize, int maxPageSize, ValidationErrors errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            errors.Add("page", "Error.Paging.Page");
        }
        if (size < 1 || size > maxPageSize)
        {
            errors.Add("pageSize", "Error.Paging.PageSize", maxPageSize);
        }
        return (p, size);
    }
}
