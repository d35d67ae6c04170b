using EventPlatform.Analytics.Domain.Facts;
using EventPlatform.Analytics.Infrastructure;
using Google.Protobuf;
using Catalog = EventPlatform.Contracts.Catalog.V1;
using Billing = EventPlatform.Contracts.Billing.V1;
using Payment = EventPlatform.Contracts.Payment.V1;
using Registration = EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Analytics.Application;

/// <summary>
/// Applies one integration event to the facts. Every fact is keyed by the thing it describes and converges to the same
/// row whatever the order and however often events come, so the figures computed from the facts are exact.
/// </summary>
public sealed class Projector(AnalyticsDbContext db)
{
    /// <summary>The events analytics follows, by their full name: what the bus subscribes to and a rebuild parses.</summary>
    public static readonly IReadOnlyDictionary<string, MessageParser> Parsers = new Dictionary<string, MessageParser>
    {
        [Catalog.EventPublished.Descriptor.FullName] = Catalog.EventPublished.Parser,
        [Catalog.EventUpdated.Descriptor.FullName] = Catalog.EventUpdated.Parser,
        [Catalog.RegistrationsClosed.Descriptor.FullName] = Catalog.RegistrationsClosed.Parser,
        [Catalog.EventCancelled.Descriptor.FullName] = Catalog.EventCancelled.Parser,
        [Registration.RegistrationRequested.Descriptor.FullName] = Registration.RegistrationRequested.Parser,
        [Registration.RegistrationApproved.Descriptor.FullName] = Registration.RegistrationApproved.Parser,
        [Registration.RegistrationRejected.Descriptor.FullName] = Registration.RegistrationRejected.Parser,
        [Registration.RegistrationConfirmed.Descriptor.FullName] = Registration.RegistrationConfirmed.Parser,
        [Registration.Waitlisted.Descriptor.FullName] = Registration.Waitlisted.Parser,
        [Registration.PromotedFromWaitlist.Descriptor.FullName] = Registration.PromotedFromWaitlist.Parser,
        [Registration.RegistrationCancelled.Descriptor.FullName] = Registration.RegistrationCancelled.Parser,
        [Registration.RegistrationExpired.Descriptor.FullName] = Registration.RegistrationExpired.Parser,
        [Payment.PaymentSucceeded.Descriptor.FullName] = Payment.PaymentSucceeded.Parser,
        [Payment.PaymentFailed.Descriptor.FullName] = Payment.PaymentFailed.Parser,
        [Payment.RefundCompleted.Descriptor.FullName] = Payment.RefundCompleted.Parser,
        [Billing.InvoiceIssued.Descriptor.FullName] = Billing.InvoiceIssued.Parser,
        [Billing.CreditNoteIssued.Descriptor.FullName] = Billing.CreditNoteIssued.Parser,
    };

    public Task ApplyAsync(IMessage message, CancellationToken cancellationToken) => message switch
    {
        Catalog.EventPublished m => EventAsync(m.Event, cancellationToken),
        Catalog.EventUpdated m => EventAsync(m.Event, cancellationToken),
        Catalog.RegistrationsClosed m => EventAsync(m.Event, cancellationToken),
        Catalog.EventCancelled m => EventAsync(m.Event, cancellationToken),
        Registration.RegistrationRequested m => RegistrationAsync(m.Registration, cancellationToken),
        Registration.RegistrationApproved m => RegistrationAsync(m.Registration, cancellationToken),
        Registration.RegistrationRejected m => RegistrationAsync(m.Registration, cancellationToken),
        Registration.RegistrationConfirmed m => RegistrationAsync(m.Registration, cancellationToken),
        Registration.Waitlisted m => RegistrationAsync(m.Registration, cancellationToken),
        Registration.PromotedFromWaitlist m => RegistrationAsync(m.Registration, cancellationToken),
        Registration.RegistrationCancelled m => RegistrationAsync(m.Registration, cancellationToken),
        Registration.RegistrationExpired m => RegistrationAsync(m.Registration, cancellationToken),
        Payment.PaymentSucceeded m => PaymentAsync(m.PaymentIntentId, m.EventId, m.Amount, p => p.Succeed(m.SucceedTime.ToDateTimeOffset()), cancellationToken),
        Payment.PaymentFailed m => PaymentAsync(m.PaymentIntentId, m.EventId, m.Amount, p => p.Fail(m.FailTime.ToDateTimeOffset()), cancellationToken),
        Payment.RefundCompleted m => OnceAsync(Guid.Parse(m.RefundId), db.Refunds, () =>
            new RefundFact(Guid.Parse(m.RefundId), Guid.Parse(m.EventId), m.Amount.AmountMinor, m.Amount.Currency, m.CompleteTime.ToDateTimeOffset()), cancellationToken),
        Billing.InvoiceIssued m => OnceAsync(Guid.Parse(m.Invoice.Id), db.Documents, () => new DocumentFact(
            Guid.Parse(m.Invoice.Id), DocumentKind.Invoice, Guid.Parse(m.Invoice.EventId), m.Invoice.GrossTotal.AmountMinor, m.Invoice.NetTotal.AmountMinor,
            m.Invoice.GrossTotal.Currency, m.Invoice.IssueTime.ToDateTimeOffset()), cancellationToken),
        Billing.CreditNoteIssued m => OnceAsync(Guid.Parse(m.CreditNote.Id), db.Documents, () => new DocumentFact(
            Guid.Parse(m.CreditNote.Id), DocumentKind.CreditNote, Guid.Parse(m.CreditNote.EventId), m.CreditNote.GrossTotal.AmountMinor,
            m.CreditNote.NetTotal.AmountMinor, m.CreditNote.GrossTotal.Currency, m.CreditNote.IssueTime.ToDateTimeOffset()), cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task EventAsync(Catalog.Event e, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(e.Id);
        var fact = await db.Events.FindAsync([id], cancellationToken) ?? db.Events.Add(EventFact.Of(id)).Entity;
        fact.Apply(
            e.OrganizerId, e.OwnerId, e.Title, e.StartTime.ToDateTimeOffset(), e.TimeZone, e.Capacity, StateOf(e.Status),
            (e.UpdateTime ?? e.CreateTime).ToDateTimeOffset());
    }

    private async Task RegistrationAsync(Registration.Registration r, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(r.Id);
        var fact = await db.Registrations.FindAsync([id], cancellationToken) ?? db.Registrations.Add(RegistrationFact.Of(id, Guid.Parse(r.EventId))).Entity;
        fact.Apply(
            StateOf(r.Status), r.CreateTime.ToDateTimeOffset(), r.ConfirmTime?.ToDateTimeOffset(), r.CloseTime?.ToDateTimeOffset(), r.PromotedFromWaitlist,
            r.UpdateTime.ToDateTimeOffset());
    }

    private async Task PaymentAsync(
        string paymentIntentId, string eventId, Contracts.Common.V1.Money amount, Action<PaymentFact> apply, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(paymentIntentId);
        var fact = await db.Payments.FindAsync([id], cancellationToken)
            ?? db.Payments.Add(PaymentFact.Of(id, Guid.Parse(eventId), amount.AmountMinor, amount.Currency)).Entity;
        apply(fact);
    }

    private static async Task OnceAsync<T>(Guid id, Microsoft.EntityFrameworkCore.DbSet<T> set, Func<T> create, CancellationToken cancellationToken)
        where T : class
    {
        if (await set.FindAsync([id], cancellationToken) is null)
        {
            set.Add(create());
        }
    }

    private static EventState StateOf(Catalog.EventStatus status) => status switch
    {
        Catalog.EventStatus.Published => EventState.Published,
        Catalog.EventStatus.RegistrationsClosed => EventState.RegistrationsClosed,
        Catalog.EventStatus.Completed => EventState.Completed,
        Catalog.EventStatus.Cancelled => EventState.Cancelled,
        _ => EventState.Draft,
    };

    private static RegistrationState StateOf(Registration.RegistrationStatus status) => status switch
    {
        Registration.RegistrationStatus.AwaitingApproval => RegistrationState.AwaitingApproval,
        Registration.RegistrationStatus.Pending => RegistrationState.Pending,
        Registration.RegistrationStatus.Confirmed => RegistrationState.Confirmed,
        Registration.RegistrationStatus.Waitlisted => RegistrationState.Waitlisted,
        Registration.RegistrationStatus.Cancelled => RegistrationState.Cancelled,
        Registration.RegistrationStatus.Expired => RegistrationState.Expired,
        _ => RegistrationState.Rejected,
    };
}
