using BenchmarkDotNet.Attributes;
using Vigil.Features.Audit;
using Vigil.Features.People;

namespace Vigil.Benchmarks;

/// <summary>The per-record work on every save and search: name folding, phone normalisation, audit hashing.</summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private readonly AuditEvent _event = new()
    {
        Sequence = 123_456,
        At = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
        UserId = "demo-cp.investigator",
        UserName = "cp.investigator",
        Role = "Investigator",
        ForceCode = "CP",
        Action = AuditActions.ReadWithPurpose,
        EntityType = AuditEntities.Incident,
        EntityId = "98765",
        Purpose = "Linked stalking reports against the same suspect",
        PreviousHash = new string('a', 64),
    };

    [Benchmark]
    public string FoldName() => PersonText.Fold("Siân Lloyd-Jones");

    [Benchmark]
    public string NormalisePhone() => PersonText.NormalisePhone("+44 (0)7700 900-123");

    [Benchmark]
    public string AuditHash() => _event.ComputeHash();
}
