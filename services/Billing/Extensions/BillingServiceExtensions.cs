using EventPlatform.Billing.Infrastructure;
using EventPlatform.Messaging;

namespace EventPlatform.Billing.Extensions;

internal static class BillingServiceExtensions
{
    public static WebApplicationBuilder AddBilling(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BillingDbContext>("billingdb");
        builder.AddServiceRedis();
        builder.AddEventBus<BillingDbContext>("billing");
        return builder;
    }
}
