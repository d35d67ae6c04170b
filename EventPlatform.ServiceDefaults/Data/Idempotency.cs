using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace EventPlatform.ServiceDefaults.Data;

/// <summary>
/// The client's idempotency key of the call that created a row: infrastructure, not domain, so it is a shadow
/// property with a unique index — the database, not a check-then-insert, decides which of two retries wins.
/// </summary>
public static class Idempotency
{
    public const string RequestId = "RequestId";

    public static void HasRequestId<T>(this EntityTypeBuilder<T> entity) where T : class
    {
        entity.Property<string?>(RequestId).HasMaxLength(128);
        entity.HasIndex(RequestId).IsUnique();
    }

    public static IQueryable<T> WithRequestId<T>(this IQueryable<T> rows, string requestId) where T : class =>
        rows.Where(row => EF.Property<string>(row, RequestId) == requestId);

    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
