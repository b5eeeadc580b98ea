using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vigil.Features.Alerts;
using Vigil.Features.Audit;
using Vigil.Features.Cases;
using Vigil.Features.Forces;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Features.Users;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Demo;

public sealed record DemoSeedResult(int Forces, int Users, int PersonRecords, int Incidents, int Cases);

/// <summary>
/// Fills an empty database with three invented forces, a user for every role in each, and case histories of
/// the kinds the reviews describe: ex-partner, stranger and acquaintance stalking, neighbour "disputes" that
/// are stalking, genuine one-off disputes, cold-call harassment, and courses of conduct crossing forces. The
/// same human appears in several forces under different spellings, date formats and phone formats.
/// Everything is drawn from one seeded generator, so the same seed gives the same data.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, IPasswordHasher<VigilUser> hasher, ILogger<DemoDataSeeder> logger, PersonResolution resolution, AlertEngine alerts)
{
    /// <summary>Every demo account's password. Production start-up refuses to run while demo accounts exist.</summary>
    public const string DemoPassword = "VigilDemo2026";

    public const int DefaultHumans = 130;
    public const int DefaultIncidents = 850;

    /// <summary>Demo histories end here; the clock is not read so the data is the same whenever it is made.</summary>
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Horizon = new(2026, 10, 31, 0, 0, 0, TimeSpan.Zero);

    public static readonly (string Code, string Name, string WelshName)[] DemoForces =
    [
        ("CP", "Cambria Police", "Heddlu Cambria"),
        ("SV", "Severn Vale Police", "Heddlu Dyffryn Hafren"),
        ("MP", "Marches Police", "Heddlu'r Gororau"),
    ];

    private static readonly (string Code, string Name, bool Specialist)[] DemoTeams =
    [
        ("CH", "Contact and call handling", false),
        ("RESP", "Response", false),
        ("CID", "Criminal investigation department", false),
        ("PPU", "Public protection unit", true),
        ("DAU", "Domestic abuse and stalking unit", true),
    ];

    /// <summary>Each demo role, the rank shown before the name, and the team the user works in.</summary>
    private static readonly (string Role, string Rank, string? Team)[] DemoRoles =
    [
        (Roles.CallHandler, "", "CH"),
        (Roles.ResponseOfficer, "PC", "RESP"),
        (Roles.Investigator, "DC", "CID"),
        (Roles.Supervisor, "DS", "CID"),
        (Roles.StalkingSpoc, "DS", "DAU"),
        (Roles.CivilOrdersOfficer, "", "PPU"),
        (Roles.OffenderManager, "PC", "PPU"),
        (Roles.Analyst, "", null),
        (Roles.ScrutinyPanel, "", null),
        (Roles.ProfessionalStandards, "DI", null),
        (Roles.Administrator, "", null),
    ];

    public static string UserName(string forceCode, string role) => $"{forceCode.ToLowerInvariant()}.{role.ToLowerInvariant()}";

    public async Task<DemoSeedResult?> SeedAsync(int seed, int humans, int incidents, CancellationToken cancellationToken)
    {
        if (await db.Forces.AnyAsync(cancellationToken))
        {
            return null;
        }
        var demo = Generate(seed, humans, incidents);
        db.PersonRecords.AddRange(demo.Records);
        db.Incidents.AddRange(demo.Incidents);
        db.Cases.AddRange(demo.Cases);

        var result = await db.RunAsync<DemoSeedResult>(async ct =>
        {
            await db.SaveChangesAsync(ct);
            AddSafeguardingRecords(demo.Cases, new Random(seed + 7919));
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(new AuditEvent
            {
                At = Horizon,
                Action = AuditActions.Seed,
                EntityType = AuditEntities.Database,
                Detail = string.Create(CultureInfo.InvariantCulture, $"demo seed {seed}: {demo.Forces.Count} forces, {demo.Users.Count} users, {demo.Records.Count} person records, {demo.Incidents.Count} incidents, {demo.Cases.Count} cases"),
            });
            await db.SaveChangesAsync(ct);
            await resolution.ResolvePendingAsync("demo data", ct);
            // The demo inbox shows what the rules find in the seeded histories, as if each had just been recorded.
            await alerts.RunAsync(new RuleTrigger(demo.Incidents.Select(i => i.Id).ToList()), ct);
            return new DemoSeedResult(demo.Forces.Count, demo.Users.Count, demo.Records.Count, demo.Incidents.Count, demo.Cases.Count);
        }, cancellationToken);
        DemoLog.Seeded(logger, seed, result.Value!.PersonRecords, result.Value.Incidents);
        return result.Value;
    }

    /// <summary>
    /// Draws the demo world for a seed. The forces, the agency, roles and users (a few dozen rows) are added to the
    /// context; person records, incidents and cases are returned unsaved, with the invented human behind each
    /// record, so a caller filling a large database can save them its own way (see <c>vigil bench rules</c>).
    /// </summary>
    internal DemoWorld Generate(int seed, int humans, int incidents)
    {
        var random = new Random(seed);
        var forces = DemoForces.Select(f => new Force
        {
            Code = f.Code,
            Name = f.Name,
            WelshName = f.WelshName,
            Teams = DemoTeams.Select(t => new Team { Code = t.Code, Name = t.Name, Specialist = t.Specialist }).ToList(),
        }).ToList();
        var agency = new Agency { Code = "ISAC-CYM", Name = "Cymru Independent Stalking Advocacy", Kind = AgencyKind.StalkingAdvocacy };
        db.Forces.AddRange(forces);
        db.Agencies.Add(agency);

        var users = AddUsers(forces, agency, random);
        var world = new World(random, forces, humans);
        var allIncidents = world.Generate(incidents);
        var cases = world.OpenCases(users);
        return new DemoWorld(forces, users, world.Records, allIncidents, cases, world.RecordsByHuman());
    }

    /// <summary>
    /// What officers record around a case — screening, a risk assessment, a contact agreement, an SPO considered,
    /// evidence, a consented referral to the advocacy service, bail protecting the victim and sometimes a breach of it — so the case and person pages show a
    /// safeguarding history. Drawn from its own random sequence, so the people, incidents and cases of a seed are
    /// the same as before these records existed.
    /// </summary>
    private void AddSafeguardingRecords(List<Case> cases, Random random)
    {
        var advocacy = db.Agencies.Local.FirstOrDefault(a => a.Kind == AgencyKind.StalkingAdvocacy);
        foreach (var @case in cases.Where(c => c.VictimId is not null && c.SuspectId is not null))
        {
            var at = @case.OpenedAt;
            var by = @case.OfficerName ?? "";
            T Stamp<T>(T record, int hours) where T : CaseRecord
            {
                record.ForceId = @case.ForceId;
                record.CaseId = @case.Id;
                record.RecordedAt = at.AddHours(hours);
                record.RecordedByUserId = @case.OfficerUserId;
                record.ByName = by;
                return record;
            }
            var fixated = random.Next(4) > 0;
            db.Screenings.Add(Stamp(new Features.Screening.StalkingScreening
            {
                Fixated = fixated, Obsessive = fixated, Unwanted = true, Repeated = true,
                Answers = Enumerable.Range(1, 11).ToDictionary(i => $"st{i:D2}", _ => random.Next(3) == 0),
            }, 1));
            var answers = Enumerable.Range(1, 11).ToDictionary(i => $"st{i:D2}", _ => random.Next(3) == 0);
            var yes = answers.Count(a => a.Value);
            db.RiskAssessments.Add(Stamp(new Features.Risk.RiskAssessment
            {
                VictimId = @case.VictimId!.Value,
                Tool = Features.Risk.RiskTool.Stalking,
                Answers = answers,
                Grade = yes >= 6 ? Features.Risk.RiskGrade.High : yes >= 3 ? Features.Risk.RiskGrade.Medium : Features.Risk.RiskGrade.Standard,
                Rationale = yes >= 6 ? "Fixated and escalating; several stalking risk factors present." : "Persistent contact; no threats reported so far.",
                CompletedAt = at.AddHours(2),
            }, 2));
            if (random.Next(3) > 0)
            {
                db.ContactAgreements.Add(Stamp(new Features.VictimCare.ContactAgreement
                {
                    VictimId = @case.VictimId!.Value,
                    Frequency = random.Next(2) == 0 ? Features.VictimCare.ContactFrequency.Every7Days : Features.VictimCare.ContactFrequency.SignificantDevelopments,
                    Method = Features.VictimCare.ContactMethod.Phone,
                    SafeContact = "Mobile only; do not leave voicemail.",
                }, 3));
            }
            db.Considerations.Add(Stamp(new Features.Considerations.Consideration
            {
                What = Features.Considerations.ConsiderationKind.SPO,
                Decision = random.Next(2) == 0 ? Features.Considerations.ConsiderationDecision.Progressed : Features.Considerations.ConsiderationDecision.NotProgressed,
                Rationale = "Considered at the first case review with the stalking single point of contact.",
            }, 24));
            db.EvidenceItems.Add(Stamp(new Features.Evidence.EvidenceItem
            {
                Kind = Features.Evidence.EvidenceKind.CCTV,
                Status = Features.Evidence.EvidenceStatus.Requested,
                AvailableUntil = at.AddDays(28),
            }, 4));
            // Every third victim agreed to a referral to the stalking advocacy service, so the demo advocate has cases
            // to open; chosen by case number, not the random sequence, so the rest of a seed's records stay the same.
            if (@case.Id % 3 == 0 && advocacy is not null)
            {
                db.Referrals.Add(new Features.Referrals.Referral
                {
                    ForceId = @case.ForceId,
                    CaseId = @case.Id,
                    PersonRecordId = @case.VictimId!.Value,
                    To = Features.Referrals.ReferralTarget.ISAC,
                    Agency = advocacy,
                    Consent = true,
                    ConsentLevel = @case.Id % 2 == 0 ? Features.Referrals.ConsentLevel.FullCaseInformation : Features.Referrals.ConsentLevel.ContactAndSafety,
                    Status = Features.Referrals.ReferralStatus.Made,
                    RecordedAt = at.AddHours(5),
                    RecordedByUserId = @case.OfficerUserId,
                    ByName = by,
                });
            }
            if (random.Next(2) == 0)
            {
                continue;
            }
            var bail = new Features.Orders.ProtectiveOrder
            {
                ForceId = @case.ForceId,
                OrderType = Features.Orders.OrderType.PreChargeBail,
                SubjectId = @case.SuspectId!.Value,
                Status = Features.Orders.OrderStatus.Granted,
                Starts = at.AddDays(1),
                Ends = at.AddDays(91),
                RecordedAt = at.AddDays(1),
                RecordedByUserId = @case.OfficerUserId,
                UpdatedAt = at.AddDays(1),
                Version = Guid.NewGuid(),
                Protected = [new Features.Orders.OrderProtectedPerson { PersonRecordId = @case.VictimId!.Value }],
                Conditions =
                [
                    new Features.Orders.OrderCondition { Position = 0, Type = Features.Orders.ConditionType.NoContact, Indirect = true, AddedAt = at.AddDays(1) },
                    new Features.Orders.OrderCondition { Position = 1, Type = Features.Orders.ConditionType.NotToAttend, Address = "The victim's home address", AddedAt = at.AddDays(1) },
                ],
            };
            bail.Changes.Add(new Features.Orders.OrderChange { At = bail.RecordedAt, Status = bail.Status, OrderType = bail.OrderType, Ends = bail.Ends, ConditionsReplaced = true, ByUserId = @case.OfficerUserId });
            db.Orders.Add(bail);
            if (random.Next(3) == 0)
            {
                db.Breaches.Add(new Features.Orders.Breach
                {
                    Order = bail,
                    Condition = bail.Conditions[0],
                    ForceId = @case.ForceId,
                    OccurredAt = at.AddDays(12),
                    ReportedById = @case.VictimId,
                    Description = "Sent a message through a friend asking to meet.",
                    Action = random.Next(2) == 0 ? Features.Orders.BreachAction.Arrest : null,
                    Rationale = null,
                    RecordedAt = at.AddDays(12).AddHours(2),
                    RecordedByUserId = @case.OfficerUserId,
                });
            }
        }
    }

    private List<VigilUser> AddUsers(List<Force> forces, Agency agency, Random random)
    {
        var roles = Roles.All.Select(r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() }).ToDictionary(r => r.Name!);
        db.Roles.AddRange(roles.Values);
        // One hash serves every demo account: hashing is deliberately slow and they share the demo password.
        var passwordHash = hasher.HashPassword(null!, DemoPassword);
        var users = new List<VigilUser>();
        void Add(string userName, string displayName, string role, Force? force, Team? team, Agency? userAgency)
        {
            var user = new VigilUser
            {
                Id = "demo-" + userName,
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = displayName,
                Force = force,
                Team = team,
                Agency = userAgency,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                IsDemo = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
            users.Add(user);
        }
        foreach (var force in forces)
        {
            foreach (var (role, rank, teamCode) in DemoRoles)
            {
                var female = random.Next(2) == 0;
                var given = Pick(random, female ? DemoNames.FemaleGiven : DemoNames.MaleGiven);
                var family = Pick(random, DemoNames.Family);
                var team = teamCode is null ? null : force.Teams.First(t => t.Code == teamCode);
                var display = rank.Length > 0 ? $"{rank} {given} {family}" : $"{given} {family}";
                Add(UserName(force.Code, role), display, role, force, team, null);
                if (role == Roles.Investigator)
                {
                    // A second investigator and a specialist one, so handovers can be shown.
                    Add(UserName(force.Code, role) + "2", $"DC {Pick(random, DemoNames.FemaleGiven)} {Pick(random, DemoNames.Family)}", role, force, force.Teams.First(t => t.Code == "DAU"), null);
                }
            }
        }
        Add("isac.advocate", $"{Pick(random, DemoNames.FemaleGiven)} {Pick(random, DemoNames.Family)}", Roles.PartnerAdvocate, null, null, agency);
        return users;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>The invented population and the case histories drawn for it.</summary>
    private sealed class World(Random random, List<Force> forces, int humanCount)
    {
        private readonly List<Human> _humans = [];
        private readonly List<Scenario> _scenarios = [];

        // Kept as they grow rather than filtered on every draw, which made large worlds (vigil bench rules) quadratic.
        private readonly Dictionary<Sex, List<Human>> _humansBySex = [];
        private readonly List<Scenario> _pastPartnerScenarios = [];
        private int _phoneSeq;

        public List<PersonRecord> Records { get; } = [];

        private sealed class Human
        {
            public required string Given { get; init; }
            public required string Family { get; init; }
            public Sex Sex { get; init; }
            public DateOnly Dob { get; init; }
            public required string Phone { get; init; }
            public required Force HomeForce { get; init; }
            public required (string Street, string Town, string Postcode) Home { get; init; }
            public int HouseNumber { get; init; }
            public Dictionary<Force, List<PersonRecord>> Records { get; } = [];
        }

        private enum Kind
        {
            ExPartner,
            Stranger,
            Acquaintance,
            NeighbourStalking,
            OneOffDispute,
            ColdCall,
            Serial,
        }

        private sealed record Scenario(Kind Kind, Human Victim, Human Suspect, Force Force, List<Incident> Incidents);

        public List<Incident> Generate(int target)
        {
            for (var i = 0; i < humanCount; i++)
            {
                Added(NewHuman(random.Next(2) == 0 ? Sex.F : Sex.M));
            }
            var incidents = new List<Incident>();
            var start = Epoch;
            while (incidents.Count < target)
            {
                var roll = random.Next(100);
                var kind = roll switch
                {
                    < 30 => Kind.ExPartner,
                    < 42 => Kind.Stranger,
                    < 53 => Kind.Acquaintance,
                    < 65 => Kind.NeighbourStalking,
                    < 78 => Kind.OneOffDispute,
                    < 90 => Kind.ColdCall,
                    _ => Kind.Serial,
                };
                start = Epoch.AddDays(random.Next(0, 930)).AddHours(random.Next(7, 23));
                incidents.AddRange(Play(kind, start));
            }
            return incidents;
        }

        private Human NewHuman(Sex sex)
        {
            var given = Pick(random, sex == Sex.F ? DemoNames.FemaleGiven : DemoNames.MaleGiven);
            return new Human
            {
                Given = given,
                Family = Pick(random, DemoNames.Family),
                Sex = sex,
                Dob = new DateOnly(random.Next(1960, 2006), random.Next(1, 13), random.Next(1, 29)),
                // Ofcom keeps 07700 900000–900999 for drama: no real phone is ever shown.
                Phone = string.Create(CultureInfo.InvariantCulture, $"07700 900{_phoneSeq++ % 1000:D3}"),
                HomeForce = Pick(random, forces),
                Home = Pick(random, DemoNames.Places),
                HouseNumber = random.Next(1, 120),
            };
        }

        private Human Person(Sex sex)
        {
            // Mostly fresh people; sometimes someone already known, as in real histories.
            var candidates = _humansBySex.GetValueOrDefault(sex) ?? [];
            return candidates.Count > 0 && random.Next(4) > 0 ? candidates[random.Next(candidates.Count)] : Added(NewHuman(sex));
        }

        private Human Added(Human human)
        {
            _humans.Add(human);
            if (!_humansBySex.TryGetValue(human.Sex, out var sameSex))
            {
                _humansBySex[human.Sex] = sameSex = [];
            }
            sameSex.Add(human);
            return human;
        }

        private IEnumerable<Incident> Play(Kind kind, DateTimeOffset start)
        {
            var victim = Person(kind == Kind.ExPartner || random.Next(3) > 0 ? Sex.F : Sex.M);
            var suspect = kind == Kind.Serial && _pastPartnerScenarios is { Count: > 0 } previous
                ? Pick(random, previous).Suspect
                : Person(victim.Sex == Sex.F || random.Next(4) == 0 ? Sex.M : Sex.F);
            if (ReferenceEquals(victim, suspect))
            {
                suspect = Added(NewHuman(Sex.M));
            }
            var count = kind switch
            {
                Kind.ExPartner => random.Next(4, 13),
                Kind.Stranger => random.Next(3, 9),
                Kind.Acquaintance => random.Next(3, 9),
                Kind.NeighbourStalking => random.Next(4, 11),
                Kind.Serial => random.Next(3, 8),
                Kind.ColdCall => random.Next(1, 3),
                _ => 1,
            };
            // Courses of conduct cross force lines: she works, visits or moves into a neighbouring force.
            var secondForce = kind is Kind.ExPartner or Kind.Stranger or Kind.Acquaintance or Kind.Serial && random.Next(100) < 40
                ? Pick(random, forces.Where(f => f != victim.HomeForce).ToList())
                : null;
            var incidents = new List<Incident>();
            var when = start;
            for (var i = 0; i < count && when < Horizon; i++)
            {
                var force = secondForce is not null && random.Next(3) == 0 ? secondForce : victim.HomeForce;
                incidents.Add(NewIncident(kind, force, victim, suspect, when, i, count));
                when = when.AddDays(random.Next(2, 30)).AddHours(random.Next(-6, 7));
            }
            var scenario = new Scenario(kind, victim, suspect, victim.HomeForce, incidents);
            _scenarios.Add(scenario);
            if (kind is Kind.ExPartner or Kind.Serial)
            {
                _pastPartnerScenarios.Add(scenario);
            }
            return incidents;
        }

        private static readonly Behaviour[] ExPartnerBehaviours =
        [
            Behaviour.UnwantedContact, Behaviour.UnwantedContact, Behaviour.TurningUpAtHome, Behaviour.TurningUpAtWork, Behaviour.Following,
            Behaviour.MonitoringOnline, Behaviour.ThreatsOfViolence, Behaviour.ThirdPartyContact, Behaviour.Damage, Behaviour.AccountAccess,
            Behaviour.TrackingDevice, Behaviour.ThreatToKill, Behaviour.Gifts, Behaviour.SuicideThreats,
        ];

        private static readonly Behaviour[] StrangerBehaviours =
        [
            Behaviour.Watching, Behaviour.Following, Behaviour.Loitering, Behaviour.Gifts, Behaviour.UnwantedContact,
            Behaviour.TurningUpAtWork, Behaviour.Publishing, Behaviour.MonitoringOnline,
        ];

        private static readonly Behaviour[] NeighbourBehaviours =
        [
            Behaviour.Watching, Behaviour.Loitering, Behaviour.InterferingWithProperty, Behaviour.Damage, Behaviour.UnwantedContact,
            Behaviour.ThreatsOfViolence, Behaviour.Publishing,
        ];

        private Incident NewIncident(Kind kind, Force force, Human victim, Human suspect, DateTimeOffset when, int index, int count)
        {
            var behaviours = kind switch
            {
                Kind.ExPartner or Kind.Serial => Draw(ExPartnerBehaviours, 1 + random.Next(3)),
                Kind.Stranger or Kind.Acquaintance => Draw(StrangerBehaviours, 1 + random.Next(3)),
                Kind.NeighbourStalking => Draw(NeighbourBehaviours, 1 + random.Next(3)),
                Kind.ColdCall => [Behaviour.UnwantedContact],
                _ => random.Next(3) == 0 ? [Behaviour.Damage] : [],
            };
            var relationship = kind switch
            {
                Kind.ExPartner or Kind.Serial => Relationship.ExPartner,
                Kind.Stranger or Kind.ColdCall => Relationship.Stranger,
                Kind.Acquaintance => random.Next(2) == 0 ? Relationship.Acquaintance : Relationship.Colleague,
                _ => Relationship.Neighbour,
            };
            var escalating = (double)index / Math.Max(1, count - 1);
            var (classification, included) = Classify(kind, behaviours, escalating);
            var channels = behaviours.Select(ChannelOf).Distinct().ToList();
            if (kind == Kind.ColdCall)
            {
                channels = [Channel.Phone];
            }
            var teamCode = random.Next(4) == 0 ? "CH" : "RESP";
            var fear = behaviours.Any(b => b is Behaviour.ThreatsOfViolence or Behaviour.ThreatToKill or Behaviour.Violence) || (escalating > 0.6 && random.Next(2) == 0);
            var incident = new Incident
            {
                Force = force,
                RecordedAt = when.AddMinutes(random.Next(10, 240)),
                OccurredFrom = when,
                OccurredTo = random.Next(3) == 0 ? when.AddHours(random.Next(1, 72)) : null,
                Classification = classification,
                IncludedClassifications = included,
                RecordedAsCrime = classification.IsCrime(),
                Behaviours = behaviours,
                Channels = channels,
                Relationship = relationship,
                Domestic = relationship is Relationship.ExPartner or Relationship.Partner or Relationship.Family,
                Impact = new Impact
                {
                    FearOfViolence = fear,
                    SeriousAlarmOrDistress = kind is not (Kind.OneOffDispute or Kind.ColdCall) && (fear || escalating > 0.3),
                    ChangedRoutine = kind is not (Kind.OneOffDispute or Kind.ColdCall) && escalating > 0.5 && random.Next(2) == 0,
                },
                LocationText = behaviours.Contains(Behaviour.TurningUpAtWork) ? Pick(random, DemoNames.Workplaces) : $"{victim.HouseNumber} {victim.Home.Street}, {victim.Home.Town}",
                Team = force.Teams.First(t => t.Code == teamCode),
                Officer = string.Create(CultureInfo.InvariantCulture, $"PC {random.Next(1000, 9999)}"),
                Narrative = Narrate(kind, victim, suspect, behaviours),
                Version = Guid.NewGuid(),
            };
            incident.Parties.Add(new IncidentParty { PersonRecord = RecordOf(victim, force, when), Role = PartyRole.Victim });
            incident.Parties.Add(new IncidentParty { PersonRecord = RecordOf(suspect, force, when), Role = PartyRole.Suspect });
            if (random.Next(6) == 0)
            {
                var witness = Person(random.Next(2) == 0 ? Sex.F : Sex.M);
                if (!ReferenceEquals(witness, victim) && !ReferenceEquals(witness, suspect))
                {
                    incident.Parties.Add(new IncidentParty { PersonRecord = RecordOf(witness, force, when), Role = random.Next(2) == 0 ? PartyRole.Witness : PartyRole.Reporter });
                }
            }
            return incident;
        }

        private (Classification, List<Classification>) Classify(Kind kind, List<Behaviour> behaviours, double escalating)
        {
            // Early reports are misrecorded, as the reviews found; later ones are more often recorded as stalking.
            switch (kind)
            {
                case Kind.OneOffDispute:
                    return (random.Next(2) == 0 ? Classification.NeighbourDispute : Classification.CivilMatter, []);
                case Kind.ColdCall:
                    return (Pick(random, new[] { Classification.CommunicationsAct, Classification.Harassment, Classification.NonCrimeOther }), []);
                case Kind.NeighbourStalking:
                    return escalating < 0.6
                        ? (Pick(random, new[] { Classification.NeighbourDispute, Classification.CivilMatter, Classification.NonCrimeOther }), [])
                        : behaviours.Contains(Behaviour.Damage)
                            ? (Classification.CriminalDamage, [Classification.StalkingS2A])
                            : (Pick(random, new[] { Classification.Harassment, Classification.StalkingS2A }), []);
                default:
                    if (behaviours.Contains(Behaviour.Damage) && random.Next(2) == 0)
                    {
                        return (Classification.CriminalDamage, [Classification.StalkingS2A]);
                    }
                    if (behaviours.Contains(Behaviour.ThreatToKill) && random.Next(2) == 0)
                    {
                        return (Classification.ThreatsToKill, [Classification.StalkingS4A]);
                    }
                    if (escalating < 0.4)
                    {
                        return (Pick(random, kind == Kind.ExPartner
                            ? new[] { Classification.MaliciousCommunications, Classification.NonCrimeDomestic, Classification.Harassment, Classification.CommunicationsAct }
                            : new[] { Classification.NonCrimeOther, Classification.Harassment, Classification.MaliciousCommunications }), []);
                    }
                    return (Pick(random, new[] { Classification.StalkingS2A, Classification.StalkingS2A, Classification.StalkingS4A, Classification.Harassment, Classification.HarassmentFearOfViolence }), []);
            }
        }

        private List<Behaviour> Draw(Behaviour[] pool, int n)
        {
            var chosen = new List<Behaviour>();
            while (chosen.Count < n)
            {
                var b = Pick(random, pool);
                if (!chosen.Contains(b))
                {
                    chosen.Add(b);
                }
            }
            return chosen;
        }

        private Channel ChannelOf(Behaviour behaviour) => behaviour switch
        {
            Behaviour.UnwantedContact => Pick(random, new[] { Channel.Text, Channel.Phone, Channel.SocialMedia, Channel.Email }),
            Behaviour.MonitoringOnline or Behaviour.AccountAccess or Behaviour.Publishing => Channel.Online,
            Behaviour.ThirdPartyContact => Channel.ThirdParty,
            Behaviour.Gifts => random.Next(2) == 0 ? Channel.Letter : Channel.InPerson,
            Behaviour.ThreatsOfViolence or Behaviour.ThreatToKill or Behaviour.SuicideThreats => Pick(random, new[] { Channel.Text, Channel.Phone, Channel.InPerson }),
            _ => Channel.InPerson,
        };

        private static string Narrate(Kind kind, Human victim, Human suspect, List<Behaviour> behaviours)
        {
            var who = kind switch
            {
                Kind.ExPartner or Kind.Serial => "her ex-partner",
                Kind.Stranger => "a man she does not know",
                Kind.Acquaintance => "someone she knows from work",
                Kind.NeighbourStalking or Kind.OneOffDispute => "the neighbour",
                _ => "an unknown caller",
            };
            if (victim.Sex == Sex.M)
            {
                who = who.Replace("her ", "his ", StringComparison.Ordinal).Replace("she ", "he ", StringComparison.Ordinal);
            }
            var parts = behaviours.Select(b => b switch
            {
                Behaviour.UnwantedContact => "repeated messages and calls after being asked to stop",
                Behaviour.TurningUpAtHome => "waiting outside the home address",
                Behaviour.TurningUpAtWork => "waiting in the work car park at the end of a shift",
                Behaviour.Following => "following the caller's car",
                Behaviour.Watching => "sitting in a parked car watching the house",
                Behaviour.Loitering => "loitering near the address for long periods",
                Behaviour.MonitoringOnline => "commenting on posts within minutes and knowing where the caller had been",
                Behaviour.AccountAccess => "logging into the caller's email account",
                Behaviour.TrackingDevice => "a tracker found under the car",
                Behaviour.ThreatsOfViolence => "saying the caller would get hurt",
                Behaviour.ThreatToKill => "a voicemail saying he would kill the caller",
                Behaviour.ThirdPartyContact => "asking friends and family where the caller is",
                Behaviour.Gifts => "unwanted flowers and letters left on the doorstep",
                Behaviour.Damage => "damage to the car",
                Behaviour.InterferingWithProperty => "moving bins and interfering with the garden",
                Behaviour.Publishing => "posting about the caller online",
                Behaviour.SuicideThreats => "messages threatening self-harm if the caller does not reply",
                _ => "further unwanted behaviour",
            }).ToList();
            var text = parts.Count == 0
                ? $"Caller reports a disagreement with {who} about a boundary fence. No previous incidents reported. Advice given."
                : $"Caller reports {who}: {string.Join("; ", parts)}.";
            return kind == Kind.ColdCall ? $"Caller reports repeated silent and abusive calls from {who}." : text;
        }

        /// <summary>
        /// The record a force holds for a human. The first time a force meets them it creates a record, with the
        /// variations a different call handler would introduce; now and then it creates a duplicate even though
        /// it already has one, as real forces do.
        /// </summary>
        private PersonRecord RecordOf(Human human, Force force, DateTimeOffset when)
        {
            if (!human.Records.TryGetValue(force, out var records))
            {
                records = [];
                human.Records[force] = records;
            }
            if (records.Count > 0 && random.Next(100) >= 12)
            {
                return records[random.Next(records.Count)];
            }
            var record = NewRecord(human, force, when, vary: human.Records.Values.Any(l => l.Count > 0));
            records.Add(record);
            Records.Add(record);
            return record;
        }

        private PersonRecord NewRecord(Human human, Force force, DateTimeOffset when, bool vary)
        {
            var given = human.Given;
            var family = human.Family;
            var dob = human.Dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var phone = human.Phone;
            if (vary)
            {
                if (random.Next(3) == 0 && DemoNames.ShortForms.TryGetValue(given, out var shortForm))
                {
                    given = shortForm;
                }
                if (random.Next(3) == 0 && DemoNames.Misspellings.TryGetValue(family, out var misspelt))
                {
                    family = misspelt;
                }
                if (random.Next(4) == 0 && DemoNames.Misspellings.TryGetValue(given, out var misspeltGiven))
                {
                    given = misspeltGiven;
                }
                dob = random.Next(6) switch
                {
                    0 => human.Dob.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    1 => human.Dob.ToString("yyyy", CultureInfo.InvariantCulture),
                    // Day and month swapped by a handler reading a US-style date; only possible when both fit.
                    2 when human.Dob.Day <= 12 => new DateOnly(human.Dob.Year, human.Dob.Day, human.Dob.Month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => dob,
                };
                phone = random.Next(3) switch
                {
                    0 => "+44 " + phone[1..],
                    1 => phone.Replace(" ", "", StringComparison.Ordinal),
                    _ => phone,
                };
            }
            var input = new PersonRecordInput(
                given, family, [], dob, human.Sex.ToString(),
                random.Next(4) == 0 ? [] : [new AddressInput($"{human.HouseNumber} {human.Home.Street}, {human.Home.Town}", human.Home.Postcode, "Home", null, null)],
                random.Next(5) == 0 ? [] : [phone],
                [], []);
            var record = PersonRecordValidation.ToEntity(input, 0, null, when);
            record.Force = force;
            return record;
        }

        /// <summary>Every record of each human who has any, in the order the humans were invented.</summary>
        public List<List<PersonRecord>> RecordsByHuman() =>
            _humans.Select(h => h.Records.Values.SelectMany(r => r).ToList()).Where(r => r.Count > 0).ToList();

        public List<Case> OpenCases(List<VigilUser> users)
        {
            var cases = new List<Case>();
            foreach (var scenario in _scenarios.Where(s => s.Kind is not (Kind.OneOffDispute or Kind.ColdCall)))
            {
                var inForce = scenario.Incidents.Where(i => i.Force == scenario.Force).ToList();
                if (inForce.Count < 3 || random.Next(10) < 4)
                {
                    continue;
                }
                var officers = users.Where(u => u.Force == scenario.Force && u.UserName!.Contains("investigator", StringComparison.Ordinal)).ToList();
                var supervisor = users.First(u => u.Force == scenario.Force && u.UserName!.EndsWith(".supervisor", StringComparison.Ordinal));
                var opened = inForce[2].RecordedAt.AddDays(1);
                var officer = officers[random.Next(officers.Count)];
                var victimRecord = inForce[^1].Parties.First(p => p.Role == PartyRole.Victim).PersonRecord!;
                var suspectRecord = inForce[^1].Parties.First(p => p.Role == PartyRole.Suspect).PersonRecord!;
                var @case = new Case
                {
                    Force = scenario.Force,
                    Victim = victimRecord,
                    Suspect = suspectRecord,
                    OfficerUser = officer,
                    OfficerName = officer.DisplayName,
                    Team = officer.Team,
                    OpenedAt = opened,
                    Version = Guid.NewGuid(),
                    Incidents = inForce.Select(i => new CaseIncident { Incident = i, AddedAt = opened }).ToList(),
                    Allocations = [new CaseAllocation { OfficerUserId = officer.Id, OfficerName = officer.DisplayName, Team = officer.Team, AllocatedAt = opened, AllocatedByUserId = supervisor.Id, Reason = "Initial allocation" }],
                };
                var handovers = random.Next(4);
                var at = opened;
                for (var h = 0; h < handovers; h++)
                {
                    at = at.AddDays(random.Next(5, 40));
                    officer = officers[(officers.IndexOf(officer) + 1) % officers.Count];
                    @case.Allocations.Add(new CaseAllocation
                    {
                        OfficerUserId = officer.Id, OfficerName = officer.DisplayName, Team = officer.Team, AllocatedAt = at, AllocatedByUserId = supervisor.Id,
                        Reason = Pick(random, new[] { "Officer on leave", "Moved to specialist unit for stalking case", "Workload rebalanced by supervisor", "Officer changed shift pattern" }),
                    });
                    @case.OfficerUser = officer;
                    @case.OfficerName = officer.DisplayName;
                    @case.Team = officer.Team;
                }
                var decision = random.Next(3);
                if (decision > 0)
                {
                    var s4a = inForce.Any(i => i.Impact.FearOfViolence || i.Impact.ChangedRoutine);
                    @case.OffenceDecisions.Add(new OffenceDecision
                    {
                        Offence = decision == 1 ? Classification.Harassment : s4a ? Classification.StalkingS4A : Classification.StalkingS2A,
                        Rationale = decision == 1
                            ? "Recorded as harassment: the messages were treated as a dispute after the relationship ended."
                            : s4a ? "Fixated, obsessive, unwanted and repeated; victim fears violence and has changed her routine." : "Course of conduct of stalking behaviours; impact evidence still being gathered.",
                        DecidedAt = at.AddDays(2),
                        DecidedByUserId = officer.Id,
                        DecidedByName = officer.DisplayName,
                    });
                    if (random.Next(3) == 0)
                    {
                        @case.Status = decision == 2 ? CaseStatus.Charged : CaseStatus.Closed;
                        @case.Outcome = decision == 2 ? HomeOfficeOutcomes.ChargedOrSummonsed : Pick(random, new[] { 14, 15, 16, 21 });
                        @case.OutcomeRecordedAt = at.AddDays(20);
                    }
                }
                cases.Add(@case);
            }
            return cases;
        }
    }
}

/// <summary>
/// The demo world before it is saved: person records, incidents and cases, and for each invented human the records
/// that are really them (what person resolution should find).
/// </summary>
internal sealed record DemoWorld(List<Force> Forces, List<VigilUser> Users, List<PersonRecord> Records, List<Incident> Incidents, List<Case> Cases, List<List<PersonRecord>> Humans);

internal static partial class DemoLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Demo data seeded with seed {Seed}: {PersonRecords} person records, {Incidents} incidents")]
    public static partial void Seeded(ILogger logger, int seed, int personRecords, int incidents);
}
