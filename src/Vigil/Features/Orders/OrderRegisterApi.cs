using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Orders;

/// <summary>
/// The order register, SPO timeliness and the victim's copy of an order's conditions. Kept apart from
/// <see cref="OrdersApi"/> (recording and changing orders) because these are reads over many orders.
/// </summary>
public static class OrderRegisterApi
{
    public static RouteGroupBuilder MapOrderRegisterApi(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");
        orders.MapGet("/", ListOrderRegisterAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Your force's order register: view (All, Active, Pending, Expiring, Breached), type, status and officer, a page at a time");
        orders.MapGet("/timeliness", GetSpoTimelinessAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Days from first report to SPO consideration, application, interim and full order, per order and as the force's medians");
        orders.MapGet("/{id:long}/victim-information", GetVictimInformationAsync).RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("What the order's conditions mean for the people it protects, in plain words (lang=en or cy)");
        return api;
    }

    public static async Task<Results<Ok<PageOf<OrderRegisterRow>>, ValidationProblem, ProblemHttpResult>> ListOrderRegisterAsync(
        string? view, string? type, string? status, string? officer, int? page, int? pageSize, OrderRegisterHandler handler,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.HandleAsync(new OrderRegisterRequest(view, type, status, officer, page, pageSize), cancellationToken), localizer);

    public static async Task<Results<Ok<SpoTimelinessReport>, ValidationProblem, ProblemHttpResult>> GetSpoTimelinessAsync(
        SpoTimelinessHandler handler, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ApiResults.Ok(await handler.ForForceAsync(cancellationToken), localizer);

    public static async Task<Results<Ok<VictimInformation>, ValidationProblem, ProblemHttpResult>> GetVictimInformationAsync(
        long id, string? lang, [FromHeader(Name = ApiResults.PurposeHeader)] string? purpose, GetOrderDetailsHandler handler,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var read = await handler.HandleAsync(id, purpose, cancellationToken);
        if (!read.Succeeded)
        {
            return ApiResults.Fail<Ok<VictimInformation>>(read.Failure!, localizer);
        }
        var details = read.Value!;
        var language = string.IsNullOrWhiteSpace(lang) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : lang.Trim();
        var wording = new OrderWording(localizer);
        return TypedResults.Ok(OrderWording.InLanguage(language, () => wording.ForVictim(details.Order, details.SubjectName, details.ProtectedPlaces)));
    }

    /// <summary>The register's export, shared by the page (/Orders/Export) so the file is the same wherever it is taken.</summary>
    public static (byte[] Content, string ContentType, string FileName) Export(
        IReadOnlyList<OrderRegisterRow> rows, string format, IStringLocalizer localizer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        string Localise(string key) => localizer[key].Value;
        var headers = OrderRegisterTable.Headers(Localise);
        var table = OrderRegisterTable.Rows(rows, Localise);
        var stamp = Infrastructure.Web.UkTime.ToLocal(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? (TableExport.Xlsx(localizer["Register.Title"].Value, headers, table), TableExport.XlsxContentType, $"orders-{stamp}.xlsx")
            : (TableExport.Csv(headers, table), TableExport.CsvContentType, $"orders-{stamp}.csv");
    }
}
