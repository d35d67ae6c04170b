using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database, from ConnectionStrings:{connectionName}: a pooled DbContext with
    /// snake_case names, a readiness check, and its EF Core migrations applied before the service takes calls.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not set. Start the service through the AppHost, or set " +
                $"ConnectionStrings__{connectionName} to a PostgreSQL connection string.");

        builder.Services.AddDbContextPool<TContext>(options => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention());
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName);
        builder.Services.AddHostedService<MigrateDatabaseOnStart<TContext>>();
        return builder;
    }
}
