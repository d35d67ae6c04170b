using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database through Aspire's client integration (ConnectionStrings:{connectionName};
    /// pooling, health check, tracing and metrics, retries on transient failures,
    /// <c>Aspire:Npgsql:EntityFrameworkCore:PostgreSQL:*</c> settings), snake_case names, and its EF Core migrations
    /// applied before the service takes calls. Commands run through the command pipeline, which retries a whole unit
    /// of work (and undoes its effects outside the database) rather than one statement.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(connectionName, configureDbContextOptions: options => options
            .UseSnakeCaseNamingConvention()
            // A failed statement is an exception its caller handles (a unique index deciding a race, a rule's constraint) or
            // lets through to the error interceptor, which logs it once; EF Core's own Error lines with a stack trace
            // would log every handled race as a failure.
            .ConfigureWarnings(w => w.Log(
                (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, Microsoft.Extensions.Logging.LogLevel.Debug),
                (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, Microsoft.Extensions.Logging.LogLevel.Debug))));
        builder.Services.AddHostedService<MigrateDatabaseOnStart<TContext>>();
        return builder;
    }
}
