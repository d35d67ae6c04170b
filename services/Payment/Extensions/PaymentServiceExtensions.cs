using EventPlatform.Payment.Infrastructure;

namespace EventPlatform.Payment.Extensions;

internal static class PaymentServiceExtensions
{
    public static WebApplicationBuilder AddPayment(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PaymentDbContext>("paymentdb");
        builder.AddServiceRedis();
        return builder;
    }
}
