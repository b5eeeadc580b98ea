using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Orders;

/// <summary>
/// One condition as a request gives it. Which fields apply depends on <see cref="Type"/>: <c>indirect</c> for
/// NoContact; <c>lat</c>, <c>lon</c> and <c>radiusMetres</c>, or <c>polygon</c> ([[lat, lon]…]), for ExclusionZone;
/// <c>address</c> for NotToAttend and ResideAt; <c>name</c> for Programme; <c>text</c> for Other.
/// </summary>
public sealed record ConditionInput(
    string? Type, bool? Indirect, double? Lat, double? Lon, double? RadiusMetres, List<List<double>>? Polygon,
    string? Address, string? Name, string? Text);

public sealed record RecordOrderRequest(
    string? OrderType, long? SubjectId, List<long>? ProtectedIds, string? Status, DateTimeOffset? Starts, DateTimeOffset? Ends,
    List<ConditionInput>? Conditions, string? Address);

/// <summary>Fields left null are unchanged; <see cref="Conditions"/>, when given, replaces the conditions.</summary>
public sealed record UpdateOrderRequest(string? Version, string? Status, DateTimeOffset? Ends, List<ConditionInput>? Conditions, string? OrderType);

public sealed record RecordBreachRequest(
    long? OrderId, DateTimeOffset? OccurredAt, long? ReportedById, string? Description, int? Condition, LocationInput? Location,
    string? Action, string? Rationale);

internal static class OrderInput
{
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
}
