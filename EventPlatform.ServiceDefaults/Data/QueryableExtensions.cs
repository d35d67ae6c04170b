using System.Linq.Expressions;
using EventPlatform.Domain;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.ServiceDefaults.Data;

public static class QueryableExtensions
{
    /// <summary>The one row the predicate finds, or NOT_FOUND naming what was looked for.</summary>
    public static async Task<T> SingleOrNotFoundAsync<T>(
        this IQueryable<T> rows, Expression<Func<T, bool>> predicate, string resourceType, object id, CancellationToken cancellationToken) =>
        await rows.SingleOrDefaultAsync(predicate, cancellationToken)
        ?? throw new NotFoundException(resourceType, id.ToString() ?? "");
}
