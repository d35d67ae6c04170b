using EventPlatform.Messaging.Handling;
using EventPlatform.Notification.Application.Messages;
using EventPlatform.Notification.Domain.Events;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proto = EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Notification.Application.Handlers;

/// <summary>
/// What each step of a registration tells its attendee (and the organizer, when their approval is needed), and who is
/// registered: the recipients reminders go to. A paid confirmation waits for its invoice (billing's InvoiceIssued).
/// </summary>
public sealed class RegistrationEventHandlers(NotificationDbContext db, DeliveryPlanner planner, IOptions<NotificationOptions> options) :
    IIntegrationEventHandler<Proto.RegistrationRequested>, IIntegrationEventHandler<Proto.RegistrationApproved>,
    IIntegrationEventHandler<Proto.RegistrationRejected>, IIntegrationEventHandler<Proto.RegistrationConfirmed>,
    IIntegrationEventHandler<Proto.Waitlisted>, IIntegrationEventHandler<Proto.PromotedFromWaitlist>,
    IIntegrationEventHandler<Proto.RegistrationCancelled>, IIntegrationEventHandler<Proto.RegistrationExpired>
{
    public async Task HandleAsync(Proto.RegistrationRequested message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var r = message.Registration;
        await FollowAsync(r, cancellationToken);
        if (r.Status == Proto.RegistrationStatus.AwaitingApproval)
        {
            await planner.PlanAsync(Plan(context, MessageKind.RegistrationRequested, r), cancellationToken);
            if (await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.EventId == Guid.Parse(r.EventId), cancellationToken) is { OwnerId.Length: > 0 } e)
            {
                // The organizer learns it in the app; their email address is not registration's to give.
                await planner.PlanAsync(
                    new MessagePlan(context.MessageId, MessageKind.ApprovalNeeded, e.EventId, new MessageRecipient(e.OwnerId, "", "", "en", Guid.Parse(r.Id)),
                        AttendeeOf(r), Email: false),
                    cancellationToken);
            }
        }
        else if (r.Status == Proto.RegistrationStatus.Pending)
        {
            await planner.PlanAsync(Plan(context, MessageKind.PaymentDue, r, PaymentOf(r)), cancellationToken);
        }
    }

    public async Task HandleAsync(Proto.RegistrationApproved message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var r = message.Registration;
        await FollowAsync(r, cancellationToken);
        // Confirmed and waitlisted outcomes are told by the RegistrationConfirmed or Waitlisted that follows.
        if (r.Status == Proto.RegistrationStatus.Pending)
        {
            await planner.PlanAsync(Plan(context, MessageKind.PaymentDue, r, PaymentOf(r)), cancellationToken);
        }
    }

    public async Task HandleAsync(Proto.RegistrationRejected message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        await FollowAsync(message.Registration, cancellationToken);
        await planner.PlanAsync(Plan(context, MessageKind.RegistrationRejected, message.Registration, ReasonOf(message.Registration.StatusReason)), cancellationToken);
    }

    public async Task HandleAsync(Proto.RegistrationConfirmed message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var r = message.Registration;
        await FollowAsync(r, cancellationToken);
        // A paid registration is confirmed with its invoice attached, on InvoiceIssued; a free promotion was told already.
        if (r.Price is null or { AmountMinor: 0 } && !r.PromotedFromWaitlist)
        {
            await planner.PlanAsync(Plan(context, MessageKind.RegistrationConfirmed, r), cancellationToken);
        }
    }

    public async Task HandleAsync(Proto.Waitlisted message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var r = message.Registration;
        await FollowAsync(r, cancellationToken);
        await planner.PlanAsync(Plan(context, MessageKind.Waitlisted, r, new Dictionary<string, object?>
        {
            ["waitlist"] = new Dictionary<string, object?> { ["position"] = r.WaitlistPosition },
        }), cancellationToken);
    }

    public async Task HandleAsync(Proto.PromotedFromWaitlist message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var r = message.Registration;
        await FollowAsync(r, cancellationToken);
        await planner.PlanAsync(Plan(context, MessageKind.PromotedFromWaitlist, r, PaymentOf(r)), cancellationToken);
    }

    public async Task HandleAsync(Proto.RegistrationCancelled message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var r = message.Registration;
        await FollowAsync(r, cancellationToken);
        var extras = ReasonOf(r.StatusReason);
        if (message.RefundAmount is { AmountMinor: > 0 } refund)
        {
            extras["refund"] = new Dictionary<string, object?> { ["amount"] = MessageModel.Money(refund.AmountMinor, refund.Currency, r.Attendee.Locale) };
        }

        var kind = r.CancellationCause == Proto.CancellationCause.EventCancelled ? MessageKind.EventCancelled : MessageKind.RegistrationCancelled;
        await planner.PlanAsync(Plan(context, kind, r, extras), cancellationToken);
    }

    public async Task HandleAsync(Proto.RegistrationExpired message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var r = message.Registration;
        await FollowAsync(r, cancellationToken);
        var fr = MessageModel.LanguageOf(r.Attendee.Locale) == "fr";
        var reason = r.StatusReason.Length > 0 ? r.StatusReason
            : r.ExpiryReason == Proto.ExpiryReason.PaymentFailed
                ? fr ? "le paiement a échoué." : "the payment failed."
                : fr ? "le délai de paiement est passé." : "the payment deadline passed.";
        await planner.PlanAsync(Plan(context, MessageKind.RegistrationExpired, r, ReasonOf(reason)), cancellationToken);
    }

    private static MessagePlan Plan(IntegrationEventContext context, MessageKind kind, Proto.Registration r, Dictionary<string, object?>? extras = null) =>
        new(context.MessageId, kind, Guid.Parse(r.EventId), RecipientOf(r), extras);

    public static MessageRecipient RecipientOf(Proto.Registration r) =>
        new(r.Attendee.Id, r.Attendee.Name, r.Attendee.Email, r.Attendee.Locale, Guid.Parse(r.Id));

    private static Dictionary<string, object?> ReasonOf(string reason) => new() { ["reason"] = reason };

    private static Dictionary<string, object?> AttendeeOf(Proto.Registration r) => new()
    {
        ["attendee"] = new Dictionary<string, object?> { ["name"] = r.Attendee.Name, ["email"] = r.Attendee.Email },
    };

    private Dictionary<string, object?> PaymentOf(Proto.Registration r) => r.PaymentDueTime is null || r.Price is null
        ? []
        : new()
        {
            ["payment"] = new Dictionary<string, object?>
            {
                ["amount"] = MessageModel.Money(r.Price.AmountMinor, r.Price.Currency, r.Attendee.Locale),
                ["deadline"] = MessageModel.Time(r.PaymentDueTime.ToDateTimeOffset(), EventTimeZone(r), r.Attendee.Locale),
                // The payment intent of a registration carries its id; it is opened just after this event.
                ["link"] = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/checkout/{r.Id}",
            },
        };

    private string EventTimeZone(Proto.Registration r) =>
        db.Events.Local.FirstOrDefault(e => e.EventId == Guid.Parse(r.EventId))?.TimeZone ?? "UTC";

    private async Task FollowAsync(Proto.Registration r, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(r.Id);
        var recipient = await db.Recipients.FindAsync([id], cancellationToken);
        if (recipient is null)
        {
            recipient = Recipient.Of(id, Guid.Parse(r.EventId));
            db.Recipients.Add(recipient);
        }

        recipient.Update(r.Attendee.Id, r.Attendee.Name, r.Attendee.Email, r.Attendee.Locale, StatusOf(r.Status), r.UpdateTime?.ToDateTimeOffset() ?? DateTimeOffset.MinValue);
        await db.SaveChangesAsync(cancellationToken);
        // Loaded for the time zone of payment deadlines.
        await db.Events.Where(e => e.EventId == recipient.EventId).LoadAsync(cancellationToken);
    }

    private static RecipientStatus StatusOf(Proto.RegistrationStatus status) => status switch
    {
        Proto.RegistrationStatus.Confirmed => RecipientStatus.Confirmed,
        Proto.RegistrationStatus.Waitlisted => RecipientStatus.Waitlisted,
        Proto.RegistrationStatus.Pending or Proto.RegistrationStatus.AwaitingApproval => RecipientStatus.Active,
        _ => RecipientStatus.Closed,
    };
}
