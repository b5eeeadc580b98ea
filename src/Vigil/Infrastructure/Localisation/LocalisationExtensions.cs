using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Vigil.Infrastructure.Localisation;

public static class LocalisationExtensions
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    public static readonly CultureInfo Welsh = CultureInfo.GetCultureInfo("cy-GB");
    public static readonly IReadOnlyList<CultureInfo> Supported = [English, Welsh];

    public static WebApplicationBuilder AddVigilLocalisation(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(English);
            options.SupportedCultures = [.. Supported];
            options.SupportedUICultures = [.. Supported];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The language switch sets a cookie; ?lang=cy and Accept-Language work for links and API clients.
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(FromQueryAsync),
                new CookieRequestCultureProvider { CookieName = LanguageCookie },
                new CustomRequestCultureProvider(FromAcceptLanguageAsync),
            ];
        });
        return builder;
    }

    public const string LanguageCookie = "vigil.lang";

    /// <summary>
    /// API clients send "Accept-Language: cy" (or cy-GB, or a list): the first English or Welsh entry by quality
    /// wins. The built-in provider would not map a plain "cy" onto the supported cy-GB.
    /// </summary>
    private static Task<ProviderCultureResult?> FromAcceptLanguageAsync(HttpContext context)
    {
        var languages = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "");
        foreach (var language in languages)
        {
            if (language.StartsWith("cy", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult<ProviderCultureResult?>(new(Welsh.Name));
            }
            if (language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult<ProviderCultureResult?>(new(English.Name));
            }
        }
        return Task.FromResult<ProviderCultureResult?>(null);
    }

    /// <summary>?lang=cy or ?lang=en (any case, with or without a region) picks the supported specific culture.</summary>
    private static Task<ProviderCultureResult?> FromQueryAsync(HttpContext context)
    {
        var lang = context.Request.Query["lang"].ToString();
        ProviderCultureResult? result = lang.StartsWith("cy", StringComparison.OrdinalIgnoreCase) ? new(Welsh.Name)
            : lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? new(English.Name)
            : null;
        return Task.FromResult(result);
    }

    public static IMvcBuilder AddVigilViewLocalisation(this IMvcBuilder mvc)
    {
        mvc.AddViewLocalization();
        mvc.AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        mvc.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            // Model-binding messages ("The value 'x' is not valid") are user-facing too.
            var localizer = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueIsInvalidAccessor(v => localizer["Binding.ValueInvalid", v]);
            messages.SetAttemptedValueIsInvalidAccessor((v, f) => localizer["Binding.AttemptedValueInvalid", v, f]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(v => localizer["Binding.ValueInvalid", v]);
            messages.SetUnknownValueIsInvalidAccessor(f => localizer["Binding.UnknownValueInvalid", f]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Binding.NonPropertyUnknownValueInvalid"]);
            messages.SetValueMustNotBeNullAccessor(v => localizer["Binding.ValueRequired", v]);
            messages.SetMissingBindRequiredValueAccessor(f => localizer["Binding.ValueRequired", f]);
            messages.SetMissingKeyOrValueAccessor(() => localizer["Binding.NonPropertyUnknownValueInvalid"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Binding.NonPropertyUnknownValueInvalid"]);
            messages.SetValueMustBeANumberAccessor(f => localizer["Binding.MustBeNumber", f]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Binding.NonPropertyMustBeNumber"]);
        });
        return mvc;
    }

    public static WebApplication UseVigilLocalisation(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>GET /language/{code}?returnUrl=… sets the language cookie and goes back. Works without JavaScript.</summary>
    public static WebApplication MapLanguageSwitch(this WebApplication app)
    {
        app.MapGet("/language/{code}", SwitchLanguage).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult SwitchLanguage(string code, string? returnUrl, HttpContext context)
    {
        var culture = code.StartsWith("cy", StringComparison.OrdinalIgnoreCase) ? Welsh : English;
        context.Response.Cookies.Append(
            LanguageCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.MaxValue, IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        // Only local paths: an open redirect here would let a link send an officer anywhere.
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
        return Results.LocalRedirect(target);
    }
}
