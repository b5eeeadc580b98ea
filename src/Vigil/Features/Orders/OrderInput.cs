using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Microsoft.EntityFrameworkCore;
using Vigil.Infrastructure.Data;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Orders;

/// <summary>
/// One condition as a request gives it. Which fields apply depends on <see cref="Type"/>: <c>indirect</c> for
/// NoContact; <c>lat</c>, <c>lon</c> and <c>radiusMetres</c>, or <c>polygon</c> ([[lat, lon]…]), for ExclusionZone;
/// <c>address</c> for NotToAttend and ResideAt; <c>name</c> for Programme; <c>text</c> for Other; <c>due</c> for the
/// positive requirements (Programme, DeviceAccess, Notify).
/// </summary>
public sealed record ConditionInput(
    string? Type, bool? Indirect, double? Lat, double? Lon, double? RadiusMetres, List<List<double>>? Polygon,
    string? Address, string? Name, string? Text, DateTimeOffset? Due = null);

/// <summary><see cref="ManagingForce"/> is the code of the force managing the subject when it is not the recording force.</summary>
public sealed record RecordOrderRequest(
    string? OrderType, long? SubjectId, List<long>? ProtectedIds, string? Status, DateTimeOffset? Starts, DateTimeOffset? Ends,
    List<ConditionInput>? Conditions, string? Address, string? ManagingForce = null);

/// <summary>
/// Fields left null are unchanged; <see cref="Conditions"/>, when given, replaces the conditions;
/// <see cref="ManagingForce"/> moves the management of the subject to another force (the subject moved).
/// </summary>
public sealed record UpdateOrderRequest(
    string? Version, string? Status, DateTimeOffset? Ends, List<ConditionInput>? Conditions, string? OrderType, string? ManagingForce = null);

/// <summary>Whether the subject met a positive requirement of the order, and when.</summary>
public sealed record RecordComplianceRequest(long? ConditionId, string? Outcome, DateTimeOffset? At, string? Note);

public sealed record RecordBreachRequest(
    long? OrderId, DateTimeOffset? OccurredAt, long? ReportedById, string? Description, int? Condition, LocationInput? Location,
    string? Action, string? Rationale);

internal static class OrderInput
{
    /// <summary>
    /// The force named as managing the subject: null when none is given or it is the recording force itself (which
    /// manages by default); an unknown code is an error naming the field.
    /// </summary>
    public static async Task<long?> ManagingForceAsync(AppDbContext db, string? code, long recordingForce, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        // Force codes are stored in capitals.
        var trimmed = code.Trim().ToUpperInvariant();
        var id = await db.Forces.Where(f => f.Code == trimmed).Select(f => (long?)f.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            errors.Add("managingForce", "Error.Order.ManagingForceUnknown", code.Trim());
            return null;
        }
        return id == recordingForce ? null : id;
    }

    /// <summary>An exclusion zone's radius: a zone must be a real area and smaller than a county.</summary>
    public const double MaximumRadiusMetres = 50_000;

    public static List<OrderCondition> Conditions(List<ConditionInput>? inputs, DateTimeOffset now, ValidationErrors errors)
    {
        var result = new List<OrderCondition>();
        if (inputs is null)
        {
            return result;
        }
        if (inputs.Count > OrderLimits.Conditions)
        {
            errors.Add("conditions", "Error.List.TooMany", OrderLimits.Conditions);
            return result;
        }
        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"conditions[{i}]";
            var input = inputs[i];
            if (input is null)
            {
                errors.Add(field, "Error.Order.ConditionMissing");
                continue;
            }
            var type = CaseRecordInput.Required<ConditionType>(input.Type, field + ".type", errors);
            var condition = new OrderCondition { Position = i, Type = type, AddedAt = now };
            switch (type)
            {
                case ConditionType.NoContact:
                    condition.Indirect = input.Indirect ?? false;
                    break;
                case ConditionType.ExclusionZone:
                    ExclusionZone(input, condition, field, errors);
                    break;
                case ConditionType.NotToAttend or ConditionType.ResideAt:
                    condition.Address = CaseRecordInput.Text(input.Address, OrderLimits.Address, field + ".address", errors);
                    if (condition.Address is null)
                    {
                        errors.Add(field + ".address", "Error.Order.AddressRequired");
                    }
                    if (type == ConditionType.ResideAt)
                    {
                        PersonRecordValidation.ValidateCoordinates(input.Lat, input.Lon, field, errors);
                        condition.Latitude = input.Lat;
                        condition.Longitude = input.Lon;
                    }
                    break;
                case ConditionType.Programme:
                    condition.Name = CaseRecordInput.Text(input.Name, OrderLimits.Address, field + ".name", errors);
                    break;
                case ConditionType.Other:
                    condition.Text = CaseRecordInput.Text(input.Text, OrderLimits.Text, field + ".text", errors);
                    if (condition.Text is null)
                    {
                        errors.Add(field + ".text", "Error.Order.ConditionTextRequired");
                    }
                    break;
                default:
                    break;
            }
            if (input.Due is { } due)
            {
                if (condition.IsPositiveRequirement)
                {
                    condition.DueAt = due.ToUniversalTime();
                }
                else if (!errors.Has(field + ".type"))
                {
                    errors.Add(field + ".due", "Error.Order.DueNotRequirement");
                }
            }
            result.Add(condition);
        }
        return result;
    }

    private static void ExclusionZone(ConditionInput input, OrderCondition condition, string field, ValidationErrors errors)
    {
        if (input.Polygon is { } polygon)
        {
            if (input.Lat is not null || input.RadiusMetres is not null)
            {
                errors.Add(field, "Error.Order.ZoneCircleOrPolygon");
                return;
            }
            if (polygon.Count is < 3 or > OrderLimits.PolygonPoints)
            {
                errors.Add(field + ".polygon", "Error.Order.PolygonPoints", 3, OrderLimits.PolygonPoints);
                return;
            }
            for (var p = 0; p < polygon.Count; p++)
            {
                if (polygon[p] is not { Count: 2 } point)
                {
                    errors.Add($"{field}.polygon[{p}]", "Error.Order.PolygonPoint");
                    continue;
                }
                PersonRecordValidation.ValidateCoordinates(point[0], point[1], $"{field}.polygon[{p}]", errors);
                condition.Polygon.AddRange(point);
            }
            if (!errors.Has(field + ".polygon") && condition.Polygon.Count == polygon.Count * 2 && SelfIntersects(condition.Polygon))
            {
                errors.Add(field + ".polygon", "Error.Order.PolygonSelfIntersects");
            }
            return;
        }
        if (input.Lat is null || input.Lon is null || input.RadiusMetres is null)
        {
            errors.Add(field, "Error.Order.ZoneCircleOrPolygon");
            return;
        }
        PersonRecordValidation.ValidateCoordinates(input.Lat, input.Lon, field, errors);
        if (input.RadiusMetres is not (> 0 and <= MaximumRadiusMetres) || double.IsNaN(input.RadiusMetres.Value))
        {
            errors.Add(field + ".radiusMetres", "Error.Order.Radius", MaximumRadiusMetres);
        }
        condition.Latitude = input.Lat;
        condition.Longitude = input.Lon;
        condition.RadiusMetres = input.RadiusMetres;
    }

    /// <summary>
    /// Whether the polygon's edges cross each other (a figure of eight): such a zone has no clear inside, so neither
    /// the officer nor a rule could tell whether someone is in it. Points are [lat, lon] pairs, flattened.
    /// </summary>
    internal static bool SelfIntersects(IReadOnlyList<double> flat)
    {
        var n = flat.Count / 2;
        // A polygon given closed (its last point repeating the first) is the same polygon.
        if (n > 3 && flat[0] == flat[2 * (n - 1)] && flat[1] == flat[(2 * (n - 1)) + 1])
        {
            n--;
        }
        (double X, double Y) P(int i) => (flat[2 * (i % n) + 1], flat[2 * (i % n)]);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                // Neighbouring edges share a point; that is not a crossing.
                if (j == i + 1 || (i == 0 && j == n - 1))
                {
                    continue;
                }
                if (Cross(P(i), P(i + 1), P(j), P(j + 1)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Cross((double X, double Y) a, (double X, double Y) b, (double X, double Y) c, (double X, double Y) d)
    {
        static double Side((double X, double Y) p, (double X, double Y) q, (double X, double Y) r) => ((q.X - p.X) * (r.Y - p.Y)) - ((q.Y - p.Y) * (r.X - p.X));
        static bool Between((double X, double Y) p, (double X, double Y) q, (double X, double Y) r) =>
            Math.Min(p.X, q.X) <= r.X && r.X <= Math.Max(p.X, q.X) && Math.Min(p.Y, q.Y) <= r.Y && r.Y <= Math.Max(p.Y, q.Y);
        var d1 = Side(c, d, a);
        var d2 = Side(c, d, b);
        var d3 = Side(a, b, c);
        var d4 = Side(a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }
        // Touching or overlapping edges count as crossing too.
        return (d1 == 0 && Between(c, d, a)) || (d2 == 0 && Between(c, d, b)) || (d3 == 0 && Between(a, b, c)) || (d4 == 0 && Between(a, b, d));
    }
}
