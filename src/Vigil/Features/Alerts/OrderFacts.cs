using Microsoft.EntityFrameworkCore;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Alerts;

/// <summary>What the order rules share: orders as their subjects and protected people (resolved), and working days.</summary>
internal static class OrderFacts
{
    public static readonly OrderStatus[] InForce = [OrderStatus.Granted, OrderStatus.Served];

    /// <summary>The order's subject and protected people as resolved people.</summary>
    public static async Task<(Identities.Party Subject, List<Identities.Party> Protected)> PeopleAsync(AppDbContext db, ProtectiveOrder order, CancellationToken cancellationToken)
    {
        var subject = await RiskFacts.PersonAsync(db, order.SubjectId, PartyRole.Suspect, cancellationToken);
        var protectedIds = order.Protected.Count > 0
            ? order.Protected.Select(p => p.PersonRecordId).ToList()
            : await db.OrderProtectedPeople.Where(p => p.OrderId == order.Id).Select(p => p.PersonRecordId).ToListAsync(cancellationToken);
        var people = new List<Identities.Party>();
        foreach (var id in protectedIds)
        {
            var person = await RiskFacts.PersonAsync(db, id, PartyRole.Victim, cancellationToken);
            if (people.All(p => p.Key != person.Key))
            {
                people.Add(person);
            }
        }
        return (subject, people);
    }

    /// <summary>
    /// One working day after <paramref name="instant"/>: the next day, moved past a weekend. Bank holidays differ
    /// between England and Wales and by year, so they are not counted here.
    /// </summary>
    public static DateTimeOffset AddWorkingDays(DateTimeOffset instant, int days)
    {
        var result = instant;
        for (var i = 0; i < days; i++)
        {
            result = result.AddDays(1);
            while (result.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                result = result.AddDays(1);
            }
        }
        return result;
    }
}
