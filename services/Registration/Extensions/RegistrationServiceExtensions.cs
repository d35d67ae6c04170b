using EventPlatform.Registration.Infrastructure;

namespace EventPlatform.Registration.Extensions;

internal static class RegistrationServiceExtensions
{
    public static WebApplicationBuilder AddRegistration(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RegistrationDbContext>("registrationdb");
        builder.AddServiceRedis();
        return builder;
    }
}
