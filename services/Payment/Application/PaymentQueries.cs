using EventPlatform.Domain;
using EventPlatform.Payment.Domain.Events;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Domain.Refunds;
using EventPlatform.Payment.Infrastructure;
using EventPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Payment.Application;

public sealed record PaymentIntentFilter(Guid? EventId, Guid? RegistrationId, PaymentIntentStatus? Status, PageRequest Page);

public sealed record RefundFilter(Guid? EventId, Guid? RegistrationId, PaymentIntentId? PaymentIntentId, PageRequest Page);

/// <summary>
/// Reads for callers. What a caller may not see is reported as not found: whether someone else's payment exists is not
/// theirs to learn. Lists are newest first, keyset-paginated on (create_time, id).
/// </summary>
public sealed class PaymentQueries(PaymentDbContext db)
{
    /// <param name="caller">Null for another service (internal API): no ownership check.</param>
    public async Task<PaymentIntent> GetIntentAsync(PaymentIntentId id, Caller? caller, CancellationToken cancellationToken)
    {
        var intent = await db.PaymentIntents.AsNoTracking().Include(i => i.Charges).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (intent is null || (caller is not null && !PaymentAccess.MaySee(caller, intent.AttendeeId, await EventAsync(intent.EventId, cancellationToken))))
        {
            throw new NotFoundException("payment intent", id.ToString());
        }

        return intent;
    }

    public async Task<Refund> GetRefundAsync(RefundId id, Caller? caller, CancellationToken cancellationToken)
    {
        var refund = await db.Refunds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (refund is null || (caller is not null && !PaymentAccess.MaySee(caller, refund.AttendeeId, await EventAsync(refund.EventId, cancellationToken))))
        {
            throw new NotFoundException("refund", id.ToString());
        }

        return refund;
    }

    /// <summary>An event's payments for its organizer; otherwise the caller's own (also when filtered on one registration).</summary>
    public async Task<Page<PaymentIntent>> ListIntentsAsync(PaymentIntentFilter filter, Caller caller, CancellationToken cancellationToken)
    {
        var query = db.PaymentIntents.AsNoTracking().Include(i => i.Charges).AsQueryable();
        query = filter.EventId is { } eventId
            ? await ForOrganizerAsync(query, eventId, caller, cancellationToken)
            : query.Where(i => i.AttendeeId == caller.Subject);
        if (filter.RegistrationId is { } registrationId)
        {
            var id = PaymentIntentId.OfRegistration(registrationId);
            query = query.Where(i => i.Id == id);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.Page.After is { } after)
        {
            var (time, id) = (after.Instant, PaymentIntentId.From(after.Id));
            query = query.Where(i => EF.Functions.LessThan(ValueTuple.Create(i.CreateTime, i.Id), ValueTuple.Create(time, id)));
        }

        return Page<PaymentIntent>.FromReadOneMore(
            await query.OrderByDescending(i => i.CreateTime).ThenByDescending(i => i.Id).Take(filter.Page.Take + 1).ToListAsync(cancellationToken),
            filter.Page.Take, last => PageToken.After(last.CreateTime, last.Id.Value));
    }

    /// <summary>The refunds of one payment (for whoever sees it), of an event (for its organizer), otherwise the caller's own.</summary>
    public async Task<Page<Refund>> ListRefundsAsync(RefundFilter filter, Caller caller, CancellationToken cancellationToken)
    {
        var query = db.Refunds.AsNoTracking();
        if (filter.PaymentIntentId is { } id)
        {
            var intent = await GetIntentAsync(id, caller, cancellationToken);
            query = query.Where(r => r.PaymentIntentId == intent.Id);
        }
        else if (filter.EventId is { } eventId)
        {
            query = await ForOrganizerAsync(query, eventId, caller, cancellationToken);
        }
        else
        {
            query = query.Where(r => r.AttendeeId == caller.Subject);
        }

        if (filter.EventId is { } onEvent)
        {
            query = query.Where(r => r.EventId == onEvent);
        }

        if (filter.RegistrationId is { } registrationId)
        {
            query = query.Where(r => r.RegistrationId == registrationId);
        }

        if (filter.Page.After is { } after)
        {
            var (time, afterId) = (after.Instant, RefundId.From(after.Id));
            query = query.Where(r => EF.Functions.LessThan(ValueTuple.Create(r.CreateTime, r.Id), ValueTuple.Create(time, afterId)));
        }

        return Page<Refund>.FromReadOneMore(
            await query.OrderByDescending(r => r.CreateTime).ThenByDescending(r => r.Id).Take(filter.Page.Take + 1).ToListAsync(cancellationToken),
            filter.Page.Take, last => PageToken.After(last.CreateTime, last.Id.Value));
    }

    public Task<EventDetails?> EventAsync(Guid eventId, CancellationToken cancellationToken) =>
        db.EventDetails.AsNoTracking().SingleOrDefaultAsync(e => e.EventId == eventId, cancellationToken);

    private async Task<IQueryable<PaymentIntent>> ForOrganizerAsync(
        IQueryable<PaymentIntent> query, Guid eventId, Caller caller, CancellationToken cancellationToken)
    {
        PaymentAccess.MustOrganize(caller, await EventAsync(eventId, cancellationToken));
        return query.Where(i => i.EventId == eventId);
    }

    private async Task<IQueryable<Refund>> ForOrganizerAsync(
        IQueryable<Refund> query, Guid eventId, Caller caller, CancellationToken cancellationToken)
    {
        PaymentAccess.MustOrganize(caller, await EventAsync(eventId, cancellationToken));
        return query.Where(r => r.EventId == eventId);
    }
}
