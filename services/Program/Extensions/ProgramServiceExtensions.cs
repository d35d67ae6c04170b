using EventPlatform.Program.Infrastructure;

namespace EventPlatform.Program.Extensions;

internal static class ProgramServiceExtensions
{
    public static WebApplicationBuilder AddProgram(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProgramDbContext>("programdb");
        builder.AddServiceRedis();
        return builder;
    }
}
