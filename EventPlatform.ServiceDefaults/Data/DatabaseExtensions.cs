using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database through Aspire's client integration (ConnectionStrings:{connectionName};
    /// pooling, health check, tracing and metrics, <c>Aspire:Npgsql:EntityFrameworkCore:PostgreSQL:*</c> settings),
    /// snake_case names, and its EF Core migrations applied before the service takes calls.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(
            connectionName,
            // Commands run in explicit transactions whose work also touches Redis (seat holds): re-running them
            // blindly on a transient error could take a seat twice. Retries belong to the command pipeline, which
            // knows what a unit of work is, not to the connection.
            settings => settings.DisableRetry = true,
            options => options.UseSnakeCaseNamingConvention());
        builder.Services.AddHostedService<MigrateDatabaseOnStart<TContext>>();
        return builder;
    }
}
