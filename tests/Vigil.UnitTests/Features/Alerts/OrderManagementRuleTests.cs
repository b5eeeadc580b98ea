using Vigil.Features.Alerts;
using Vigil.Features.Alerts.Rules;
using Vigil.Features.Audit;
using Vigil.Features.Forces;
using Vigil.Features.Orders;
using Vigil.Features.Users;

namespace Vigil.UnitTests.Features.Alerts;

/// <summary>
/// Orders managed across forces and their positive requirements: the managing force hears of breaches reported
/// elsewhere, and a requirement reaching its due date unmet (or recorded as not met) is raised where the subject is
/// managed.
/// </summary>
public sealed class OrderManagementRuleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RuleTestDatabase.T0;
    private readonly RuleTestDatabase _data = new();
    private long _managing;
    private long _elsewhere;

    public async Task InitializeAsync()
    {
        await _data.InitializeAsync();
        var managing = new Force { Code = "BB", Name = "Force B" };
        var elsewhere = new Force { Code = "CC", Name = "Force C" };
        _data.Db.Forces.AddRange(managing, elsewhere);
        await _data.Db.SaveChangesAsync();
        (_managing, _elsewhere) = (managing.Id, elsewhere.Id);
    }

    public Task DisposeAsync() => _data.DisposeAsync();

    private async Task<ProtectiveOrder> OrderAsync(OrderType type, long? managingForce, params OrderCondition[] conditions)
    {
        var subject = await _data.PersonAsync("Gethin", "Rowe");
        var victim = await _data.PersonAsync("Mali", "Penry");
        var order = new ProtectiveOrder
        {
            ForceId = _data.ForceId, ManagingForceId = managingForce, OrderType = type, SubjectId = subject, Status = OrderStatus.Granted,
            Starts = T0, Ends = T0.AddYears(2), RecordedAt = T0, UpdatedAt = T0, Version = Guid.NewGuid(),
            Protected = [new OrderProtectedPerson { PersonRecordId = victim }],
            Conditions = conditions.Length > 0 ? [.. conditions] : [new OrderCondition { Position = 0, Type = ConditionType.NoContact, Indirect = true, AddedAt = T0 }],
            Changes = [new OrderChange { At = T0, Status = OrderStatus.Granted, OrderType = type }],
        };
        _data.Db.Orders.Add(order);
        await _data.Db.SaveChangesAsync();
        return order;
    }

    private async Task ServeAsync(ProtectiveOrder order, DateTimeOffset at)
    {
        order.Status = OrderStatus.Served;
        _data.Db.OrderChanges.Add(new OrderChange { OrderId = order.Id, At = at, Status = OrderStatus.Served });
        await _data.Db.SaveChangesAsync();
    }

    private async Task<long> BreachAsync(ProtectiveOrder order, long recordedBy)
    {
        var breach = new Breach { OrderId = order.Id, ForceId = recordedBy, OccurredAt = T0.AddDays(3), RecordedAt = T0.AddDays(3).AddHours(1), Action = BreachAction.Arrest };
        _data.Db.Breaches.Add(breach);
        await _data.Db.SaveChangesAsync();
        return breach.Id;
    }

    private async Task<long> ComplianceAsync(OrderCondition condition, ComplianceOutcome outcome, DateTimeOffset at)
    {
        var record = new RequirementCompliance { OrderId = condition.OrderId, ConditionId = condition.Id, ForceId = _managing, Outcome = outcome, At = at, RecordedAt = at, ByName = "PC 4410" };
        _data.Db.RequirementCompliance.Add(record);
        await _data.Db.SaveChangesAsync();
        return record.Id;
    }

    private static OrderCondition Requirement(ConditionType type, int position, DateTimeOffset? due = null) =>
        new() { Position = position, Type = type, AddedAt = T0, DueAt = due, Name = type == ConditionType.Programme ? "Respect programme" : null };

    [Fact]
    public async Task BreachElsewhere_ManagingForceAndApplyingForceTold_NotTheForceThatRecordedIt()
    {
        var order = await OrderAsync(OrderType.SPO, _managing);
        var inThirdForce = await BreachAsync(order, _elsewhere);
        var findings = await _data.RunAsync(new BreachReportedElsewhereRule(), RuleTrigger.ForRecord(AuditEntities.Breach, inThirdForce), T0.AddDays(4));

        Assert.Equal([_data.ForceId, _managing], findings.Select(f => f.ForceId).Order());
        Assert.Equal(Roles.OffenderManager, findings.Single(f => f.ForceId == _managing).OwnerRole);
        Assert.All(findings, f => Assert.Contains((AlertEvidenceKind.Breach, inThirdForce), f.Evidence));

        var byManagingForce = await BreachAsync(order, _managing);
        var told = await _data.RunAsync(new BreachReportedElsewhereRule(), RuleTrigger.ForRecord(AuditEntities.Breach, byManagingForce), T0.AddDays(4));
        Assert.Equal([_data.ForceId], told.Select(f => f.ForceId));
    }

    [Fact]
    public async Task BreachElsewhere_QuietWhenTheForceHoldingAndManagingTheOrderRecordedIt()
    {
        var order = await OrderAsync(OrderType.RestrainingOrder, managingForce: null);
        var own = await BreachAsync(order, _data.ForceId);
        Assert.Empty(await _data.RunAsync(new BreachReportedElsewhereRule(), RuleTrigger.ForRecord(AuditEntities.Breach, own), T0.AddDays(4)));
    }

    [Fact]
    public async Task BreachPattern_AlsoRaisedInTheManagingForce()
    {
        var order = await OrderAsync(OrderType.SPO, _managing);
        await BreachAsync(order, _elsewhere);
        var second = await BreachAsync(order, _elsewhere);
        var findings = await _data.RunAsync(new BreachPatternRule(), RuleTrigger.ForRecord(AuditEntities.Breach, second), T0.AddDays(4));

        Assert.Equal([_data.ForceId, _managing, _elsewhere], findings.Select(f => f.ForceId).Order());
    }

    [Fact]
    public async Task SpoNotification_DueThreeDaysAfterService_RaisedInTheManagingForceWhenUnmet()
    {
        var order = await OrderAsync(OrderType.SPO, _managing, Requirement(ConditionType.Notify, 0));
        await ServeAsync(order, T0.AddDays(1));
        var due = T0.AddDays(4);

        Assert.Equal(due, OrderRequirements.DueAt(order, order.Conditions[0]));
        Assert.Empty(await _data.RunAsync(new RequirementOverdueRule(), RuleTrigger.ForTime(T0, due.AddMinutes(-1)), due.AddMinutes(-1)));
        var finding = Assert.Single(await _data.RunAsync(new RequirementOverdueRule(), RuleTrigger.ForTime(due.AddMinutes(-1), due.AddHours(1)), due.AddHours(1)));

        Assert.Equal(_managing, finding.ForceId);
        Assert.Equal(AlertSeverity.Warning, finding.Severity);
        Assert.Equal($"requirement:{order.Conditions[0].Id}", finding.SubjectKey);
        Assert.Equal(Roles.OffenderManager, finding.OwnerRole);
    }

    [Fact]
    public async Task Requirement_MetBeforeItsDueDate_Quiet_ButRecordedNotMetIsHigh()
    {
        var programmeDue = T0.AddDays(30);
        var order = await OrderAsync(OrderType.DAPO, managingForce: null,
            Requirement(ConditionType.Programme, 0, programmeDue), Requirement(ConditionType.DeviceAccess, 1, T0.AddDays(10)));
        await ComplianceAsync(order.Conditions[1], ComplianceOutcome.Met, T0.AddDays(8));

        var findings = await _data.RunAsync(new RequirementOverdueRule(), RuleTrigger.ForTime(T0, T0.AddDays(31)), T0.AddDays(31));
        Assert.Equal([$"requirement:{order.Conditions[0].Id}"], findings.Select(f => f.SubjectKey));
        Assert.Equal(_data.ForceId, findings[0].ForceId);

        var missed = await ComplianceAsync(order.Conditions[0], ComplianceOutcome.NotMet, T0.AddDays(32));
        var notMet = Assert.Single(await _data.RunAsync(new RequirementOverdueRule(), RuleTrigger.ForRecord(AuditEntities.RequirementCompliance, missed), T0.AddDays(32)));
        Assert.Equal(AlertSeverity.High, notMet.Severity);
        Assert.Equal("Alert.RequirementOverdue.NotMet", notMet.MessageKey);
    }

    [Fact]
    public void RequirementStates_FollowDueDateAndLatestRecord()
    {
        var condition = new OrderCondition { Id = 7, Position = 0, Type = ConditionType.Programme, AddedAt = T0, DueAt = T0.AddDays(5) };
        var noDue = new OrderCondition { Id = 8, Position = 1, Type = ConditionType.DeviceAccess, AddedAt = T0 };
        var prohibition = new OrderCondition { Id = 9, Position = 2, Type = ConditionType.NoContact, AddedAt = T0 };
        var order = new ProtectiveOrder { OrderType = OrderType.DAPO, Status = OrderStatus.Granted, RecordedAt = T0, Conditions = [condition, noDue, prohibition] };

        Assert.Equal([RequirementState.Due, RequirementState.Open], OrderRequirements.Of(order, [], T0.AddDays(1)).Select(r => r.State));
        Assert.Equal(RequirementState.Overdue, OrderRequirements.Of(order, [], T0.AddDays(6))[0].State);

        RequirementCompliance Record(long id, ComplianceOutcome outcome, int day) => new() { Id = id, ConditionId = 7, Outcome = outcome, At = T0.AddDays(day), RecordedAt = T0.AddDays(day) };
        var records = new[] { Record(1, ComplianceOutcome.NotMet, 6), Record(2, ComplianceOutcome.Met, 9) };
        Assert.Equal(RequirementState.NotMet, OrderRequirements.Of(order, records, T0.AddDays(7))[0].State);
        Assert.Equal(RequirementState.Met, OrderRequirements.Of(order, records, T0.AddDays(10))[0].State);
        // A notification duty on an order that is not an SPO has no date unless the order gives one.
        Assert.Null(OrderRequirements.DueAt(order, new OrderCondition { Type = ConditionType.Notify, AddedAt = T0 }));
    }
}
