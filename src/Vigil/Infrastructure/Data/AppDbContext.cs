using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Vigil.Features.AccessTokens;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Considerations;
using Vigil.Features.Evidence;
using Vigil.Features.Forces;
using Vigil.Features.Incidents;
using Vigil.Features.Offences;
using Vigil.Features.Orders;
using Vigil.Features.People;
using Vigil.Features.Referrals;
using Vigil.Features.Risk;
using Vigil.Features.Screening;
using Vigil.Features.Timeline;
using Vigil.Features.Users;
using Vigil.Features.VictimCare;

namespace Vigil.Infrastructure.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<VigilUser>(options)
{
    public DbSet<Force> Forces => Set<Force>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<PersonRecord> PersonRecords => Set<PersonRecord>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PossibleMatch> PossibleMatches => Set<PossibleMatch>();
    public DbSet<MatchDecision> MatchDecisions => Set<MatchDecision>();
    public DbSet<PersonRecordMove> PersonRecordMoves => Set<PersonRecordMove>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentParty> IncidentParties => Set<IncidentParty>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseIncident> CaseIncidents => Set<CaseIncident>();
    public DbSet<CaseAllocation> CaseAllocations => Set<CaseAllocation>();
    public DbSet<OffenceDecision> OffenceDecisions => Set<OffenceDecision>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertEvidence> AlertEvidence => Set<AlertEvidence>();
    public DbSet<AlertHistoryEntry> AlertHistory => Set<AlertHistoryEntry>();
    public DbSet<RuleSetting> RuleSettings => Set<RuleSetting>();
    public DbSet<RuleClockState> RuleClock => Set<RuleClockState>();
    public DbSet<StalkingScreening> Screenings => Set<StalkingScreening>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<RiskReview> RiskReviews => Set<RiskReview>();
    public DbSet<RiskReferenceSetting> RiskReferenceSettings => Set<RiskReferenceSetting>();
    public DbSet<ProtectiveOrder> Orders => Set<ProtectiveOrder>();
    public DbSet<OrderProtectedPerson> OrderProtectedPeople => Set<OrderProtectedPerson>();
    public DbSet<OrderCondition> OrderConditions => Set<OrderCondition>();
    public DbSet<OrderChange> OrderChanges => Set<OrderChange>();
    public DbSet<OrderReview> OrderReviews => Set<OrderReview>();
    public DbSet<Breach> Breaches => Set<Breach>();
    public DbSet<RequirementCompliance> RequirementCompliance => Set<RequirementCompliance>();
    public DbSet<Sighting> Sightings => Set<Sighting>();
    public DbSet<Consideration> Considerations => Set<Consideration>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Features.Partners.PartnerNote> PartnerNotes => Set<Features.Partners.PartnerNote>();
    public DbSet<ContactAgreement> ContactAgreements => Set<ContactAgreement>();
    public DbSet<VictimContact> VictimContacts => Set<VictimContact>();
    public DbSet<Advice> Advice => Set<Advice>();
    public DbSet<EvidenceItem> EvidenceItems => Set<EvidenceItem>();
    public DbSet<ImpactEvidence> ImpactEvidence => Set<ImpactEvidence>();
    public DbSet<TimelineImport> TimelineImports => Set<TimelineImport>();
    public DbSet<TimelineImportRef> TimelineImportRefs => Set<TimelineImportRef>();

    /// <summary>
    /// Undo steps for in-memory state changed inside the current unit of work, run if it rolls back, so a
    /// cache can never hold something the database does not.
    /// </summary>
    internal List<Action> OnRollback { get; } = [];

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type and cannot order or compare DateTimeOffset text; every instant we
        // store is UTC, so a sortable integer encoding loses nothing. PostgreSQL keeps native timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
