using EventPlatform.ServiceDefaults.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class CommandPipelineExtensions
{
    /// <summary>The service's command pipeline over its DbContext, with the mapper of its domain events.</summary>
    public static IHostApplicationBuilder AddCommandPipeline<TDbContext, TMapper>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
        where TMapper : class, IIntegrationEventMapper
    {
        builder.Services.AddScoped<IIntegrationEventMapper, TMapper>();
        builder.Services.AddScoped<CommandPipeline<TDbContext>>();
        return builder;
    }
}
