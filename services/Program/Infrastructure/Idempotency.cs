using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Program.Infrastructure;

/// <summary>
/// The client's idempotency key of the call that created a row: infrastructure, not domain, so it is a shadow
/// property with a unique index — the database, not a check-then-insert, decides which of two retries wins.
/// </summary>
internal static class Idempotency
{
    public const string RequestId = "RequestId";

    public static void HasRequestId<T>(this EntityTypeBuilder<T> entity) where T : class
    {
        entity.Property<string?>(RequestId).HasMaxLength(128);
        entity.HasIndex(RequestId).IsUnique();
    }

    public static IQueryable<T> WithRequestId<T>(this IQueryable<T> rows, string requestId) where T : class =>
        rows.Where(row => EF.Property<string>(row, RequestId) == requestId);
}
