using Vigil.Features.Audit;

namespace Vigil.UnitTests.Features.Audit;

public class AuditEventTests
{
    private static AuditEvent Sample() => new()
    {
        Id = 7,
        Sequence = 42,
        At = new DateTimeOffset(2024, 5, 1, 9, 30, 0, TimeSpan.Zero),
        UserId = "user-1",
        UserName = "pc.jones@dyfed-powys.police.uk",
        Role = "Officer",
        ForceCode = "DP",
        Action = AuditActions.ReadWithPurpose,
        EntityType = AuditEntities.PersonRecord,
        EntityId = "123",
        Purpose = "Checking links for a stalking investigation",
        Detail = "Viewed full record",
        PreviousHash = new string('a', 64),
    };

    public static TheoryData<string> Fields =>
    [
        nameof(AuditEvent.Sequence),
        nameof(AuditEvent.At),
        nameof(AuditEvent.UserId),
        nameof(AuditEvent.UserName),
        nameof(AuditEvent.Role),
        nameof(AuditEvent.ForceCode),
        nameof(AuditEvent.Action),
        nameof(AuditEvent.EntityType),
        nameof(AuditEvent.EntityId),
        nameof(AuditEvent.Purpose),
        nameof(AuditEvent.Detail),
        nameof(AuditEvent.PreviousHash),
    ];

    private static void Change(AuditEvent e, string field)
    {
        switch (field)
        {
            case nameof(AuditEvent.Sequence): e.Sequence++; break;
            case nameof(AuditEvent.At): e.At = e.At.AddTicks(1); break;
            case nameof(AuditEvent.UserId): e.UserId += "x"; break;
            case nameof(AuditEvent.UserName): e.UserName += "x"; break;
            case nameof(AuditEvent.Role): e.Role += "x"; break;
            case nameof(AuditEvent.ForceCode): e.ForceCode += "x"; break;
            case nameof(AuditEvent.Action): e.Action = AuditActions.Read; break;
            case nameof(AuditEvent.EntityType): e.EntityType = AuditEntities.Incident; break;
            case nameof(AuditEvent.EntityId): e.EntityId = "124"; break;
            case nameof(AuditEvent.Purpose): e.Purpose += "."; break;
            case nameof(AuditEvent.Detail): e.Detail += "."; break;
            case nameof(AuditEvent.PreviousHash): e.PreviousHash = new string('b', 64); break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "No change defined for this field.");
        }
    }

    private static void SetNull(AuditEvent e, string field)
    {
        switch (field)
        {
            case nameof(AuditEvent.UserId): e.UserId = null; break;
            case nameof(AuditEvent.UserName): e.UserName = null; break;
            case nameof(AuditEvent.Role): e.Role = null; break;
            case nameof(AuditEvent.ForceCode): e.ForceCode = null; break;
            case nameof(AuditEvent.EntityId): e.EntityId = null; break;
            case nameof(AuditEvent.Purpose): e.Purpose = null; break;
            case nameof(AuditEvent.Detail): e.Detail = null; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "Not a nullable field.");
        }
    }

    private static void SetText(AuditEvent e, string field, string value)
    {
        switch (field)
        {
            case nameof(AuditEvent.UserId): e.UserId = value; break;
            case nameof(AuditEvent.UserName): e.UserName = value; break;
            case nameof(AuditEvent.Role): e.Role = value; break;
            case nameof(AuditEvent.ForceCode): e.ForceCode = value; break;
            case nameof(AuditEvent.EntityId): e.EntityId = value; break;
            case nameof(AuditEvent.Purpose): e.Purpose = value; break;
            case nameof(AuditEvent.Detail): e.Detail = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "Not a nullable field.");
        }
    }

    public static TheoryData<string> NullableFields =>
    [
        nameof(AuditEvent.UserId),
        nameof(AuditEvent.UserName),
        nameof(AuditEvent.Role),
        nameof(AuditEvent.ForceCode),
        nameof(AuditEvent.EntityId),
        nameof(AuditEvent.Purpose),
        nameof(AuditEvent.Detail),
    ];

    [Fact]
    public void ComputeHash_SameContent_SameHash()
    {
        Assert.Equal(Sample().ComputeHash(), Sample().ComputeHash());
    }

    [Fact]
    public void ComputeHash_AnyEvent_LowerCaseHexSha256()
    {
        var hash = Sample().ComputeHash();

        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void ComputeHash_FieldChanged_HashChanges(string field)
    {
        var original = Sample();
        var changed = Sample();
        Change(changed, field);

        Assert.NotEqual(original.ComputeHash(), changed.ComputeHash());
    }

    [Fact]
    public void ComputeHash_StoredHashOrId_NotCovered()
    {
        // The hash cannot cover itself, and the database assigns Id only after the hash is computed.
        var original = Sample();
        var changed = Sample();
        changed.Hash = "anything";
        changed.Id = 99;

        Assert.Equal(original.ComputeHash(), changed.ComputeHash());
    }

    [Fact]
    public void ComputeHash_SameInstantInAnotherOffset_SameHash()
    {
        var utc = Sample();
        var local = Sample();
        local.At = utc.At.ToOffset(TimeSpan.FromHours(1));

        Assert.Equal(utc.ComputeHash(), local.ComputeHash());
    }

    [Fact]
    public void ComputeHash_CharactersMovedBetweenUserIdAndUserName_HashChanges()
    {
        var first = Sample();
        first.UserId = "ab";
        first.UserName = "c";
        var second = Sample();
        second.UserId = "a";
        second.UserName = "bc";

        Assert.NotEqual(first.ComputeHash(), second.ComputeHash());
    }

    [Fact]
    public void ComputeHash_CharactersMovedBetweenDetailAndPreviousHash_HashChanges()
    {
        var first = Sample();
        first.Detail = "x1";
        first.PreviousHash = "2";
        var second = Sample();
        second.Detail = "x";
        second.PreviousHash = "12";

        Assert.NotEqual(first.ComputeHash(), second.ComputeHash());
    }

    [Fact]
    public void ComputeHash_SeparatorLikeTextMovedBetweenFields_HashChanges()
    {
        // Text that looks like the encoding itself must not let one field impersonate two.
        var first = Sample();
        first.Role = "a;1:b";
        first.ForceCode = "";
        var second = Sample();
        second.Role = "a";
        second.ForceCode = "b";

        Assert.NotEqual(first.ComputeHash(), second.ComputeHash());
    }

    [Theory]
    [MemberData(nameof(NullableFields))]
    public void ComputeHash_NullVersusEmpty_HashesDiffer(string field)
    {
        var withNull = Sample();
        SetNull(withNull, field);
        var withEmpty = Sample();
        SetText(withEmpty, field, "");

        Assert.NotEqual(withNull.ComputeHash(), withEmpty.ComputeHash());
    }

    [Fact]
    public void ComputeHash_NullVersusNulCharacter_HashesDiffer()
    {
        // Null must have an encoding no string value can produce, or a null field could be rewritten undetected.
        var withNull = Sample();
        withNull.Detail = null;
        var withNul = Sample();
        withNul.Detail = "\u0000";

        Assert.NotEqual(withNull.ComputeHash(), withNul.ComputeHash());
    }

    [Fact]
    public void ToStoredPrecision_SubMillisecondTicks_TruncatedToWholeMillisecondsInUtc()
    {
        var local = new DateTimeOffset(2024, 5, 1, 10, 30, 0, 123, TimeSpan.FromHours(1)).AddTicks(4_567);

        var stored = AuditEvent.ToStoredPrecision(local);

        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 30, 0, 123, TimeSpan.Zero), stored);
        Assert.Equal(stored, AuditEvent.ToStoredPrecision(stored));
    }
}
