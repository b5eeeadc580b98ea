using Microsoft.EntityFrameworkCore;
using Vigil.Infrastructure.Data;

namespace Vigil.Features.Audit;

public sealed record AuditChainReport(bool Intact, long EventsChecked, long? FirstBrokenSequence, string? Problem);

/// <summary>
/// Walks the whole audit chain in order and reports the first event whose hash, link or position is wrong.
/// Reads in pages so a chain of millions of events does not need to fit in memory.
/// </summary>
public sealed class VerifyAuditChainHandler(AppDbContext db)
{
    private const int PageSize = 5_000;

    public async Task<AuditChainReport> HandleAsync(CancellationToken cancellationToken)
    {
        var previousHash = "";
        long expectedSequence = 1;
        long checkedCount = 0;
        while (true)
        {
            var from = expectedSequence;
            var page = await db.AuditEvents.AsNoTracking()
                .Where(a => a.Sequence >= from)
                .OrderBy(a => a.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            foreach (var auditEvent in page)
            {
                if (auditEvent.Sequence != expectedSequence)
                {
                    return new AuditChainReport(false, checkedCount, expectedSequence, $"event {expectedSequence} is missing (next present is {auditEvent.Sequence})");
                }
                if (auditEvent.PreviousHash != previousHash)
                {
                    return new AuditChainReport(false, checkedCount, auditEvent.Sequence, "its link to the previous event does not match that event's hash");
                }
                if (auditEvent.ComputeHash() != auditEvent.Hash)
                {
                    return new AuditChainReport(false, checkedCount, auditEvent.Sequence, "its content does not match its hash (it was altered)");
                }
                previousHash = auditEvent.Hash;
                expectedSequence++;
                checkedCount++;
            }
        }
        return new AuditChainReport(true, checkedCount, null, null);
    }
}
