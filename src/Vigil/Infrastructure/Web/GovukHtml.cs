using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Vigil.Infrastructure.Http;

namespace Vigil.Infrastructure.Web;

/// <summary>
/// The GOV.UK Design System's error pattern for Razor Pages: an error summary linking to each field, and the
/// field's own message, both from ModelState, so every form shows errors the same way.
/// </summary>
public static class GovukHtml
{
    public static string FieldId(string key) => TagBuilder.CreateSanitizedId(key, "_");

    public static bool HasError(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    public static string GroupClass(this IHtmlHelper html, string key, string extra = "") =>
        "govuk-form-group" + (html.ViewData.ModelState.HasError(key) ? " govuk-form-group--error" : "") + (extra.Length > 0 ? " " + extra : "");

    public static string InputClass(this IHtmlHelper html, string key, string baseClass) =>
        baseClass + (html.ViewData.ModelState.HasError(key) ? " " + baseClass + "--error" : "");

    /// <summary>The ids an input's aria-describedby should name: its hint (if any) and its error (if any).</summary>
    public static string? DescribedBy(this IHtmlHelper html, string key, bool hasHint = false)
    {
        var ids = new List<string>();
        if (hasHint)
        {
            ids.Add(FieldId(key) + "-hint");
        }
        if (html.ViewData.ModelState.HasError(key))
        {
            ids.Add(FieldId(key) + "-error");
        }
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public static IHtmlContent FieldError(this IHtmlHelper html, string key, IStringLocalizer localizer)
    {
        if (!html.ViewData.ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            return HtmlString.Empty;
        }
        var builder = new HtmlContentBuilder();
        builder.AppendHtml($"<p id=\"{FieldId(key)}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">");
        builder.Append(localizer["Form.ErrorPrefix"]);
        builder.AppendHtml("</span> ");
        builder.Append(string.Join(' ', entry.Errors.Select(e => e.ErrorMessage).Distinct()));
        builder.AppendHtml("</p>");
        return builder;
    }

    public static IHtmlContent ErrorSummary(this IHtmlHelper html, IStringLocalizer localizer)
    {
        var modelState = html.ViewData.ModelState;
        if (modelState.IsValid)
        {
            return HtmlString.Empty;
        }
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\"><h2 class=\"govuk-error-summary__title\">");
        builder.Append(localizer["Form.ErrorSummaryTitle"]);
        builder.AppendHtml("</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (key, entry) in modelState.Where(kv => kv.Value is { Errors.Count: > 0 }))
        {
            if (entry is null)
            {
                continue;
            }
            foreach (var message in entry.Errors.Select(e => e.ErrorMessage).Distinct())
            {
                builder.AppendHtml(key.Length == 0 ? "<li>" : $"<li><a href=\"#{HtmlEncoder.Default.Encode(FieldId(key))}\">");
                builder.Append(message);
                builder.AppendHtml(key.Length == 0 ? "</li>" : "</a></li>");
            }
        }
        builder.AppendHtml("</ul></div></div></div>");
        return builder;
    }

    /// <summary>
    /// Copies a handler's field errors into ModelState, in the reader's language. <paramref name="map"/> turns the
    /// API's field name ("parties[0].role") into the page's input name ("Input.Parties[0].Role").
    /// </summary>
    public static void AddFailure(this ModelStateDictionary modelState, Failure failure, IStringLocalizer localizer, Func<string, string> map)
    {
        switch (failure)
        {
            case Invalid invalid:
                foreach (var error in invalid.Errors)
                {
                    modelState.AddModelError(map(error.Field), localizer[error.MessageKey, error.Args]);
                }
                break;
            case Forbidden forbidden:
                modelState.AddModelError(string.Empty, localizer[forbidden.MessageKey]);
                break;
            case Conflict conflict:
                modelState.AddModelError(string.Empty, localizer[conflict.MessageKey]);
                break;
            case NotFound:
                modelState.AddModelError(string.Empty, localizer["Problem.NotFound"]);
                break;
            case PurposeRequired purpose:
                modelState.AddModelError(string.Empty, localizer["Problem.PurposeRequired.Detail", purpose.ForceCode, ApiResults.PurposeHeader]);
                break;
        }
    }

    /// <summary>"occurredFrom" → "Input.OccurredFrom"; "parties[0].role" → "Input.Parties[0].Role".</summary>
    public static string ToInputKey(string field)
    {
        var parts = field.Split('.');
        return "Input." + string.Join('.', parts.Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    public static string Count(int n) => n.ToString("N0", CultureInfo.CurrentCulture);
}
