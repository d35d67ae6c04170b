using EventPlatform.Payment.Infrastructure;
using EventPlatform.Messaging;

namespace EventPlatform.Payment.Extensions;

internal static class PaymentServiceExtensions
{
    public static WebApplicationBuilder AddPayment(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PaymentDbContext>("paymentdb");
        builder.AddServiceRedis();
        builder.AddEventBus<PaymentDbContext>("payment");
        return builder;
    }
}
