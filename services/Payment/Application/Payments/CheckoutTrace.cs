using System.Diagnostics;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Payment.Application.Payments;

/// <summary>
/// The trace a payment intent was opened in (the attendee's registration), continued by what the provider later says of
/// its payment. A webhook carries no trace of ours: whenever it beats the attendee's own confirmation (always, for a
/// payment that completes later), the rest of the flow (confirmation, invoice, email, statistics) would otherwise start a
/// trace of its own, cut off from the registration it follows. The webhook's own trace is kept as a link.
/// </summary>
internal static class CheckoutTrace
{
    /// <summary>The intent's shadow property holding the traceparent it was opened under.</summary>
    public const string Property = "OpenTraceParent";

    // The service's own source, which its telemetry exports (ServiceDefaults adds the application's name).
    private static readonly ActivitySource Source = new(typeof(CheckoutTrace).Assembly.GetName().Name!);

    public static void Remember(PaymentDbContext db, PaymentIntent intent) =>
        db.Entry(intent).Property(Property).CurrentValue = Activity.Current?.Id;

    /// <summary>An activity in the intent's checkout trace, current until disposed; null when there is none to continue.</summary>
    public static async Task<Activity?> ContinueAsync(PaymentDbContext db, PaymentIntentId id, CancellationToken cancellationToken)
    {
        var traceParent = await db.PaymentIntents.AsNoTracking().Where(i => i.Id == id)
            .Select(i => EF.Property<string?>(i, Property)).SingleOrDefaultAsync(cancellationToken);
        if (traceParent is null || !ActivityContext.TryParse(traceParent, null, out var checkout))
        {
            return null;
        }

        ActivityLink[]? links = Activity.Current is { } current ? [new ActivityLink(current.Context)] : null;
        return Source.StartActivity("payment settled by the provider", ActivityKind.Internal, checkout, links: links);
    }
}
