using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Vigil.Features.Cases;
using Vigil.Features.Demo;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Infrastructure.Data;

namespace Vigil.Cli;

/// <summary>
/// Fills the temporary database of <c>vigil bench rules</c> with the demo world at sizes the demo seeder cannot
/// reach. The seeder saves through EF change tracking and then resolves every record with the linking engine, one
/// new identity saved at a time while everything it loaded is still tracked: measured, 2,000 incidents took 28 s
/// (24 s of it resolving) and 10,000 took 456–507 s, growing with the square of the data.
/// <para>
/// Here the same generator draws the same kind of world — humans recorded by several forces under varied spellings,
/// victim–suspect courses of conduct, cases, three forces — and it is written with prepared INSERTs in one
/// transaction, outside EF. Identities are not found by the resolution engine: every record is given the identity
/// of the invented human it belongs to, which the generator knows, as resolution would ideally find it. The rules
/// need only that the records of one human share an identity; how resolution performs is for
/// <c>vigil bench resolve</c>. (At a million incidents the generator's small pools of names and its thousand phone
/// numbers also repeat across many unrelated humans, which the engine would be right to link.)
/// </para>
/// SQLite only: the bench always runs on its own temporary SQLite database.
/// </summary>
internal static class BenchRulesData
{
    private const int Seed = 1;

    public sealed record Loaded(int People, int PersonRecords, int Incidents, int Parties, int Cases, TimeSpan Generating, TimeSpan Writing);

    /// <summary>Draws and stores about <paramref name="incidents"/> incidents, about 2.5 for each human, as the demo does.</summary>
    public static async Task<Loaded> LoadAsync(AppDbContext db, DemoDataSeeder seeder, int incidents, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var demo = seeder.Generate(Seed, Math.Max(50, incidents * 2 / 5), incidents);
        var generating = clock.Elapsed;
        clock.Restart();

        // Forces, teams, the agency, roles and users are a few dozen rows: EF saves them and gives them their ids.
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // Everything else gets its id here, in the order the seeder would have saved it.
        Number(demo.Records, (r, id) => r.Id = id);
        Number(demo.Incidents, (i, id) => i.Id = id);
        Number(demo.Cases, (c, id) => c.Id = id);
        // Identities are numbered by their earliest record, as resolution numbers the clusters it creates.
        var humans = demo.Humans.OrderBy(h => h.Min(r => r.Id)).ToList();
        for (var p = 0; p < humans.Count; p++)
        {
            foreach (var record in humans[p])
            {
                record.PersonId = p + 1;
            }
        }

        var parties = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var model = db.Model;

            var time = Provider<PersonRecord>(model, nameof(PersonRecord.CreatedAt));
            using (var people = new Insert(connection, transaction, "People", "Id", "CreatedAt", "MergedIntoId", "MergedAt"))
            {
                for (var p = 0; p < humans.Count; p++)
                {
                    people.Row(p + 1, time(humans[p].Min(r => r.CreatedAt)), null, null);
                }
            }

            var list = Provider<PersonRecord>(model, nameof(PersonRecord.Aliases));
            var sex = Provider<PersonRecord>(model, nameof(PersonRecord.Sex));
            var addressKind = Provider<PersonAddress>(model, nameof(PersonAddress.Kind));
            using (var records = new Insert(connection, transaction, "PersonRecords",
                "Id", "ForceId", "GivenName", "FamilyName", "Aliases", "BirthYear", "BirthMonth", "BirthDay", "Sex", "Emails", "Handles",
                "SearchName", "PersonId", "CreatedAt", "CreatedByUserId", "Version"))
            using (var addresses = new Insert(connection, transaction, "PersonAddresses", "PersonRecordId", "Text", "Postcode", "Kind", "Latitude", "Longitude"))
            using (var phones = new Insert(connection, transaction, "PersonPhones", "PersonRecordId", "Number", "Normalised"))
            {
                foreach (var r in demo.Records)
                {
                    records.Row(r.Id, r.Force!.Id, r.GivenName, r.FamilyName, list(r.Aliases), r.BirthYear, r.BirthMonth, r.BirthDay, sex(r.Sex),
                        list(r.Emails), list(r.Handles), r.SearchName, r.PersonId, time(r.CreatedAt), r.CreatedByUserId, Text(r.Version));
                    foreach (var a in r.Addresses)
                    {
                        addresses.Row(r.Id, a.Text, a.Postcode, addressKind(a.Kind), a.Latitude, a.Longitude);
                    }
                    foreach (var ph in r.Phones)
                    {
                        phones.Row(r.Id, ph.Number, ph.Normalised);
                    }
                }
            }

            var classification = Provider<Incident>(model, nameof(Incident.Classification));
            var classifications = Provider<Incident>(model, nameof(Incident.IncludedClassifications));
            var behaviours = Provider<Incident>(model, nameof(Incident.Behaviours));
            var channels = Provider<Incident>(model, nameof(Incident.Channels));
            var relationship = Provider<Incident>(model, nameof(Incident.Relationship));
            var role = Provider<IncidentParty>(model, nameof(IncidentParty.Role));
            using (var incidentRows = new Insert(connection, transaction, "Incidents",
                "Id", "ForceId", "RecordedAt", "OccurredFrom", "OccurredTo", "Classification", "IncludedClassifications", "RecordedAsCrime",
                "Narrative", "Behaviours", "Channels", "LocationText", "LocationLatitude", "LocationLongitude", "Relationship",
                "Impact_FearOfViolence", "Impact_SeriousAlarmOrDistress", "Impact_ChangedRoutine", "Domestic", "TeamId", "Officer",
                "RecordedByUserId", "UpdatedAt", "Version"))
            using (var partyRows = new Insert(connection, transaction, "IncidentParties", "IncidentId", "PersonRecordId", "Role"))
            {
                foreach (var i in demo.Incidents)
                {
                    incidentRows.Row(i.Id, i.Force!.Id, time(i.RecordedAt), time(i.OccurredFrom), time(i.OccurredTo), classification(i.Classification),
                        classifications(i.IncludedClassifications), i.RecordedAsCrime, i.Narrative, behaviours(i.Behaviours), channels(i.Channels),
                        i.LocationText, i.LocationLatitude, i.LocationLongitude, relationship(i.Relationship),
                        i.Impact.FearOfViolence, i.Impact.SeriousAlarmOrDistress, i.Impact.ChangedRoutine, i.Domestic, i.Team?.Id, i.Officer,
                        i.RecordedByUserId, time(i.UpdatedAt), Text(i.Version));
                    foreach (var party in i.Parties)
                    {
                        partyRows.Row(i.Id, party.PersonRecord!.Id, role(party.Role));
                        parties++;
                    }
                }
            }

            var status = Provider<Case>(model, nameof(Case.Status));
            var offence = Provider<OffenceDecision>(model, nameof(OffenceDecision.Offence));
            using (var cases = new Insert(connection, transaction, "Cases",
                "Id", "ForceId", "VictimId", "SuspectId", "OfficerUserId", "OfficerName", "TeamId", "Status", "Outcome", "OutcomeRecordedAt",
                "OpenedAt", "OpenedByUserId", "Version"))
            using (var caseIncidents = new Insert(connection, transaction, "CaseIncidents", "CaseId", "IncidentId", "AddedAt", "AddedByUserId"))
            using (var allocations = new Insert(connection, transaction, "CaseAllocations",
                "CaseId", "OfficerUserId", "OfficerName", "TeamId", "AllocatedAt", "AllocatedByUserId", "Reason"))
            using (var decisions = new Insert(connection, transaction, "OffenceDecisions",
                "CaseId", "Offence", "Rationale", "DecidedAt", "DecidedByUserId", "DecidedByName"))
            {
                foreach (var c in demo.Cases)
                {
                    cases.Row(c.Id, c.Force!.Id, c.Victim?.Id, c.Suspect?.Id, c.OfficerUser?.Id, c.OfficerName, c.Team?.Id, status(c.Status),
                        c.Outcome, time(c.OutcomeRecordedAt), time(c.OpenedAt), c.OpenedByUserId, Text(c.Version));
                    foreach (var ci in c.Incidents)
                    {
                        caseIncidents.Row(c.Id, ci.Incident!.Id, time(ci.AddedAt), ci.AddedByUserId);
                    }
                    foreach (var a in c.Allocations)
                    {
                        allocations.Row(c.Id, a.OfficerUserId, a.OfficerName, a.Team?.Id, time(a.AllocatedAt), a.AllocatedByUserId, a.Reason);
                    }
                    foreach (var d in c.OffenceDecisions)
                    {
                        decisions.Row(c.Id, offence(d.Offence), d.Rationale, time(d.DecidedAt), d.DecidedByUserId, d.DecidedByName);
                    }
                }
            }
            // Safeguarding records the rules also read (orders and breaches in cross-force-history and
            // serial-perpetrator, screenings in consider-stalking), in the proportions of the demo seed: a screening
            // on every case, bail protecting the victim on every other case, a breach of one bail in three.
            var orderType = Provider<Features.Orders.ProtectiveOrder>(model, nameof(Features.Orders.ProtectiveOrder.OrderType));
            var orderStatus = Provider<Features.Orders.ProtectiveOrder>(model, nameof(Features.Orders.ProtectiveOrder.Status));
            var answers = Provider<Features.Screening.StalkingScreening>(model, nameof(Features.Screening.StalkingScreening.Answers));
            var noAnswers = answers(new Dictionary<string, bool>());
            using (var screenings = new Insert(connection, transaction, "Screenings",
                "ForceId", "CaseId", "RecordedAt", "RecordedByUserId", "ByName", "Fixated", "Obsessive", "Unwanted", "Repeated", "Answers"))
            using (var orders = new Insert(connection, transaction, "Orders",
                "Id", "ForceId", "OrderType", "SubjectId", "Status", "Starts", "Ends", "RecordedAt", "RecordedByUserId", "UpdatedAt", "Version"))
            using (var protectedPeople = new Insert(connection, transaction, "OrderProtectedPeople", "OrderId", "PersonRecordId"))
            using (var breaches = new Insert(connection, transaction, "Breaches",
                "OrderId", "ForceId", "OccurredAt", "ReportedById", "Description", "RecordedAt", "RecordedByUserId"))
            {
                long orderId = 0;
                foreach (var c in demo.Cases.Where(c => c.Victim is not null && c.Suspect is not null))
                {
                    screenings.Row(c.Force!.Id, c.Id, time(c.OpenedAt.AddHours(1)), c.OfficerUser?.Id, c.OfficerName ?? "", true, true, true, c.Id % 4 != 0, noAnswers);
                    if (c.Id % 2 != 0)
                    {
                        continue;
                    }
                    orderId++;
                    orders.Row(orderId, c.Force!.Id, orderType(Features.Orders.OrderType.PreChargeBail), c.Suspect!.Id, orderStatus(Features.Orders.OrderStatus.Granted),
                        time(c.OpenedAt.AddDays(1)), time(c.OpenedAt.AddDays(91)), time(c.OpenedAt.AddDays(1)), c.OfficerUser?.Id, time(c.OpenedAt.AddDays(1)), Text(Guid.NewGuid()));
                    protectedPeople.Row(orderId, c.Victim!.Id);
                    if (c.Id % 3 == 0)
                    {
                        breaches.Row(orderId, c.Force!.Id, time(c.OpenedAt.AddDays(12)), c.Victim!.Id, "Sent a message through a friend.", time(c.OpenedAt.AddDays(12)), c.OfficerUser?.Id);
                    }
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new Loaded(humans.Count, demo.Records.Count, demo.Incidents.Count, parties, demo.Cases.Count, generating, clock.Elapsed);
    }

    private static void Number<T>(List<T> items, Action<T, long> set)
    {
        for (var i = 0; i < items.Count; i++)
        {
            set(items[i], i + 1);
        }
    }

    /// <summary>
    /// How EF stores a property (instants as sortable integers, enums as names, lists as JSON), taken from the model
    /// so these rows read back exactly as rows EF wrote.
    /// </summary>
    private static Func<object?, object?> Provider<T>(IModel model, string property)
    {
        var converter = model.FindEntityType(typeof(T))!.FindProperty(property)!.GetTypeMapping().Converter;
        return converter is null ? v => v : converter.ConvertToProvider;
    }

    /// <summary>EF on SQLite stores a Guid as upper-case text; the ADO.NET default would be a blob.</summary>
    private static string Text(Guid value) => value.ToString().ToUpperInvariant();

    /// <summary>One prepared INSERT, run once per row inside the load's transaction.</summary>
    private sealed class Insert : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;

        public Insert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
            _command.Prepare();
        }

        public void Row(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _parameters[i].Value = values[i] ?? DBNull.Value;
            }
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}
