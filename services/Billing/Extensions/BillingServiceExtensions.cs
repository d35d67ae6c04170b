using EventPlatform.Billing.Infrastructure;

namespace EventPlatform.Billing.Extensions;

internal static class BillingServiceExtensions
{
    public static WebApplicationBuilder AddBilling(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BillingDbContext>("billingdb");
        builder.AddServiceRedis();
        return builder;
    }
}
