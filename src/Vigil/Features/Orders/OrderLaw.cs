using Microsoft.EntityFrameworkCore;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Orders;

/// <summary>A legal constraint an order does not meet, as a resource key and its arguments.</summary>
public sealed record OrderWarning(string Code, string MessageKey, IReadOnlyList<object> Arguments);

/// <summary>
/// The legal constraints on orders that the domain reference confirms (§3.1, §3.2): an SPO lasts at least two
/// years (or until further order); a DVPO lasts 14 to 28 days and is heard within 48 hours of the DVPN being
/// served. They are warned about on the order rather than refused: an imported history must replay as it happened,
/// and a court may record what it decided.
/// </summary>
public static class OrderLaw
{
    public const int SpoMinimumYears = 2;
    public const int DvpoMinimumDays = 14;
    public const int DvpoMaximumDays = 28;
    public const int DvpoHearingHours = 48;

    public static async Task<IReadOnlyList<OrderWarning>> WarningsAsync(AppDbContext db, ProtectiveOrder order, CancellationToken cancellationToken)
    {
        var warnings = new List<OrderWarning>();
        if (order.OrderType == OrderType.SPO && order is { Starts: { } starts, Ends: { } ends } && ends < starts.AddYears(SpoMinimumYears))
        {
            warnings.Add(new("spo-too-short", "Warning.Order.SpoTooShort", [SpoMinimumYears]));
        }
        if (order.OrderType == OrderType.DVPO && order is { Starts: { } from, Ends: { } to }
            && (to - from < TimeSpan.FromDays(DvpoMinimumDays) || to - from > TimeSpan.FromDays(DvpoMaximumDays)))
        {
            warnings.Add(new("dvpo-duration", "Warning.Order.DvpoDuration", [DvpoMinimumDays, DvpoMaximumDays]));
        }
        if (order.OrderType == OrderType.DVPO)
        {
            // The notice it follows: the subject's latest DVPN recorded before it.
            var notice = await db.Orders.AsNoTracking().Include(o => o.Changes)
                .Where(o => o.OrderType == OrderType.DVPN && o.SubjectId == order.SubjectId && o.RecordedAt <= order.RecordedAt)
                .OrderByDescending(o => o.RecordedAt).FirstOrDefaultAsync(cancellationToken);
            var hearing = order.Starts ?? order.FirstAt(OrderStatus.Applied) ?? order.RecordedAt;
            // A notice takes effect when served: its start if given, else when it was recorded as served.
            if (notice is not null && (notice.Starts ?? notice.FirstAt(OrderStatus.Served)) is { } served && hearing - served > TimeSpan.FromHours(DvpoHearingHours))
            {
                warnings.Add(new("dvpo-late", "Warning.Order.DvpoLate", [ProtectiveOrder.Reference(notice.Id), DvpoHearingHours]));
            }
        }
        return warnings;
    }
}
