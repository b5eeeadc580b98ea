namespace Vigil.Features.Users;

/// <summary>The roles of DESIGN.md §1. Names are stable: they are stored and appear in the audit log.</summary>
public static class Roles
{
    public const string CallHandler = "CallHandler";
    public const string ResponseOfficer = "ResponseOfficer";
    public const string Investigator = "Investigator";
    public const string Supervisor = "Supervisor";
    public const string StalkingSpoc = "StalkingSpoc";
    public const string CivilOrdersOfficer = "CivilOrdersOfficer";
    public const string OffenderManager = "OffenderManager";
    public const string PartnerAdvocate = "PartnerAdvocate";
    public const string Analyst = "Analyst";
    public const string ScrutinyPanel = "ScrutinyPanel";
    public const string ProfessionalStandards = "ProfessionalStandards";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
    [
        CallHandler, ResponseOfficer, Investigator, Supervisor, StalkingSpoc, CivilOrdersOfficer,
        OffenderManager, PartnerAdvocate, Analyst, ScrutinyPanel, ProfessionalStandards, Administrator,
    ];

    /// <summary>Police roles whose work needs the detail of people, incidents and cases in their force.</summary>
    public static readonly IReadOnlyList<string> ReadCaseData =
    [
        CallHandler, ResponseOfficer, Investigator, Supervisor, StalkingSpoc, CivilOrdersOfficer,
        OffenderManager, Analyst, ProfessionalStandards,
    ];

    /// <summary>Roles that take reports and record incidents and the people in them.</summary>
    public static readonly IReadOnlyList<string> RecordIncidents =
    [
        CallHandler, ResponseOfficer, Investigator, Supervisor, StalkingSpoc,
    ];

    /// <summary>Roles that open cases, hand them over and record offence decisions and outcomes.</summary>
    public static readonly IReadOnlyList<string> ManageCases =
    [
        Investigator, Supervisor, StalkingSpoc,
    ];

    /// <summary>Roles that acknowledge and resolve alerts: those who act on cases, and professional standards for theirs.</summary>
    public static readonly IReadOnlyList<string> AnswerAlerts =
    [
        ResponseOfficer, Investigator, Supervisor, StalkingSpoc, CivilOrdersOfficer, OffenderManager, ProfessionalStandards,
    ];

    /// <summary>Roles that review risk assessments and may change the grade: supervisors and stalking specialists.</summary>
    public static readonly IReadOnlyList<string> ReviewRisk =
    [
        Supervisor, StalkingSpoc,
    ];

    /// <summary>Roles that decide whether two person records are one human: merging and splitting identities.</summary>
    public static readonly IReadOnlyList<string> ResolvePeople =
    [
        Investigator, Supervisor, StalkingSpoc, Analyst,
    ];

    /// <summary>
    /// Roles that record safeguarding work on their force's incidents and cases: screenings, risk assessments,
    /// considerations, referrals, victim contact and advice, evidence, sightings and breaches.
    /// </summary>
    public static readonly IReadOnlyList<string> RecordSafeguarding =
    [
        ResponseOfficer, Investigator, Supervisor, StalkingSpoc, CivilOrdersOfficer, OffenderManager,
    ];

    /// <summary>Roles that record and change protective orders and bail.</summary>
    public static readonly IReadOnlyList<string> ManageOrders =
    [
        Investigator, Supervisor, StalkingSpoc, CivilOrdersOfficer, OffenderManager,
    ];

    /// <summary>Roles that change a force's rule thresholds.</summary>
    public static readonly IReadOnlyList<string> ConfigureRules =
    [
        Administrator, StalkingSpoc,
    ];
}
