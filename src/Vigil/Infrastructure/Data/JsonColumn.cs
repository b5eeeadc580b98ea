using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Infrastructure.Data;

/// <summary>
/// Stores question answers (question id → yes/no) as one JSON text column in both databases: they are read and
/// written whole with their assessment, never queried one by one.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new();

    public static PropertyBuilder<Dictionary<string, bool>> AsJson(this PropertyBuilder<Dictionary<string, bool>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<Dictionary<string, bool>>(v, Options) ?? new Dictionary<string, bool>(),
            new ValueComparer<Dictionary<string, bool>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)),
                v => new Dictionary<string, bool>(v)));
}
