using Vigil.Features.AccessTokens;
using Vigil.Features.Alerts;
using Vigil.Features.Alerts.Rules;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Considerations;
using Vigil.Features.Demo;
using Vigil.Features.Evidence;
using Vigil.Features.Incidents;
using Vigil.Features.Offences;
using Vigil.Features.Orders;
using Vigil.Features.Partners;
using Vigil.Features.People;
using Vigil.Features.Referrals;
using Vigil.Features.Risk;
using Vigil.Features.Screening;
using Vigil.Features.VictimCare;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Localisation;

namespace Vigil.Infrastructure;

public static class VigilServiceExtensions
{
    public static WebApplicationBuilder AddVigilOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<VigilOptions>().BindConfiguration(VigilOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Every use-case handler, scoped: pages, API endpoints and command-line verbs share them.</summary>
    public static WebApplicationBuilder AddVigilFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<AuditLog>();
        services.AddScoped<VerifyAuditChainHandler>();
        services.AddScoped<AddPersonRecordHandler>();
        services.AddScoped<SearchPeopleHandler>();
        services.AddScoped<GetPersonRecordHandler>();
        services.AddScoped<GetPersonHandler>();
        services.AddScoped<ListPossibleMatchesHandler>();
        services.AddScoped<GetPossibleMatchHandler>();
        services.AddScoped<DecideMatchHandler>();
        services.AddScoped<PersonResolution>();
        services.AddSingleton<PersonIndex>();
        services.AddScoped<RecordIncidentHandler>();
        // Rules of the catalogue, in the order they are evaluated; each in Features/Alerts/Rules/<Name>Rule.cs.
        services.AddSingleton<IRule, CourseOfConductRule>();
        services.AddSingleton<IRule, ConsiderStalkingRule>();
        services.AddSingleton<IRule, ConsiderS4ARule>();
        services.AddSingleton<IRule, RiskAssessmentMissingRule>();
        services.AddSingleton<IRule, RiskReassessmentDueRule>();
        services.AddSingleton<IRule, RiskGradeInconsistentRule>();
        services.AddSingleton<IRule, MaracReferralCriteriaRule>();
        services.AddSingleton<IRule, HomicideTimelineEscalationRule>();
        services.AddSingleton<IRule, BreachNotActionedRule>();
        services.AddSingleton<IRule, BreachPatternRule>();
        services.AddSingleton<IRule, SpoNotConsideredRule>();
        services.AddSingleton<IRule, InterimSpoNotConsideredRule>();
        services.AddSingleton<IRule, DvpoApplicationDueRule>();
        services.AddSingleton<IRule, OrderExpiringRule>();
        services.AddSingleton<IRule, VictimNotToldConditionsEndedRule>();
        services.AddSingleton<IRule, OrderReviewDueRule>();
        services.AddSingleton<IRule, NearBreachRule>();
        services.AddSingleton<IRule, AdvocacyReferralMissingRule>();
        services.AddSingleton<IRule, BreachReportedElsewhereRule>();
        services.AddSingleton<IRule, RequirementOverdueRule>();
        services.AddSingleton<IRule, PartnerInformationRule>();
        services.AddSingleton<IRule, ContactAgreementMissingRule>();
        services.AddSingleton<IRule, VictimContactOverdueRule>();
        services.AddSingleton<IRule, UnsafeAdviceRule>();
        services.AddSingleton<IRule, EvidenceAtRiskRule>();
        services.AddSingleton<IRule, CrossForceHistoryRule>();
        services.AddSingleton<IRule, SerialPerpetratorRule>();
        services.AddSingleton<IRule, RepeatVictimRule>();
        services.AddSingleton<IRule, SpecialistAllocationRule>();
        services.AddSingleton<IRule, HandoverContinuityRule>();
        services.AddSingleton<IRule, SuspiciousRecordAccessRule>();
        services.AddScoped<AlertEngine>();
        services.AddScoped<AlertVisibility>();
        services.AddScoped<ListAlertsHandler>();
        services.AddScoped<GetAlertHandler>();
        services.AddScoped<AnswerAlertHandler>();
        services.AddScoped<GetIncidentHandler>();
        services.AddScoped<ListIncidentsHandler>();
        services.AddScoped<UpdateIncidentHandler>();
        services.AddScoped<CaseChange>();
        services.AddScoped<OpenCaseHandler>();
        services.AddScoped<GetCaseHandler>();
        services.AddScoped<ListCasesHandler>();
        services.AddScoped<HandOverCaseHandler>();
        services.AddScoped<RecordOffenceDecisionHandler>();
        services.AddScoped<RecordCaseOutcomeHandler>();
        services.AddScoped<AddCaseIncidentsHandler>();
        services.AddScoped<CreateAccessTokenHandler>();
        services.AddScoped<ListAccessTokensHandler>();
        services.AddScoped<RevokeAccessTokenHandler>();
        services.AddScoped<CaseOfficers>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<CaseRecordWriter>();
        services.AddScoped<RecordReader>();
        services.AddScoped<SafeguardingSummaryHandler>();
        services.AddScoped<RecordScreeningHandler>();
        services.AddScoped<RecordRiskAssessmentHandler>();
        services.AddScoped<RiskAssessmentWorkflow>();
        services.AddScoped<RiskAssessmentQueries>();
        services.AddScoped<RiskReferenceHandler>();
        services.AddScoped<RecordOrderHandler>();
        services.AddScoped<UpdateOrderHandler>();
        services.AddScoped<RecordBreachHandler>();
        services.AddScoped<OrderDecisionsHandler>();
        services.AddScoped<RecordComplianceHandler>();
        services.AddScoped<OrderRegisterHandler>();
        services.AddScoped<SpoTimelinessHandler>();
        services.AddScoped<GetOrderDetailsHandler>();
        services.AddScoped<RecordSightingHandler>();
        services.AddScoped<RecordConsiderationHandler>();
        services.AddScoped<RecordReferralHandler>();
        services.AddScoped<MakeReferralHandler>();
        services.AddScoped<ChangeReferralHandler>();
        services.AddScoped<PartnerAccess>();
        services.AddScoped<PartnerCasesHandler>();
        services.AddScoped<RecordContactAgreementHandler>();
        services.AddScoped<RecordVictimContactHandler>();
        services.AddScoped<RecordAdviceHandler>();
        services.AddScoped<SignificantDevelopments>();
        services.AddScoped<VictimContactPanelHandler>();
        services.AddScoped<RecordEvidenceHandler>();
        services.AddScoped<UpdateEvidenceHandler>();
        services.AddScoped<CasePlanQueries>();
        services.AddScoped<RecordImpactEvidenceHandler>();
        services.AddScoped<GetOffenceGuidanceHandler>();
        services.AddScoped<ImpactEvidenceChoices>();
        services.AddScoped<RuleSettingsHandler>();
        services.AddScoped<RuleClock>();
        services.AddSingleton<Web.SubmissionGuard>();
        return builder;
    }

    public static WebApplicationBuilder AddVigilWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        // Unreadable bodies and parameters must reach BadRequestExceptionHandler (which names the field) in every
        // environment, not only in Development where this is on by default.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOpenApi("v1");
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddRazorPages(options =>
        {
            // Pages are closed by default; the few public ones opt out explicitly.
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
        }).AddVigilViewLocalisation();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "vigil.af");
        return builder;
    }

    public static WebApplication UseVigilWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        // API callers get RFC 9457 ProblemDetails for every error status; page users get the error page.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseVigilLocalisation();
        app.UseAuthentication();
        app.UseAuthorization();

        var api = app.MapGroup("/api/v1");
        api.MapPeopleApi();
        api.MapIncidentsApi();
        api.MapCasesApi();
        api.MapAlertsApi();
        api.MapRuleSettingsApi();
        api.MapScreeningApi();
        api.MapRiskApi();
        api.MapOrdersApi();
        api.MapOrderRegisterApi();
        api.MapSightingsApi();
        api.MapConsiderationsApi();
        api.MapReferralsApi();
        api.MapPartnerApi();
        api.MapVictimCareApi();
        api.MapEvidenceApi();
        api.MapOffencesApi();
        api.MapAccessTokensApi();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapLanguageSwitch();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        return next();
    }
}
