using EventPlatform.Messaging;
using EventPlatform.Payment.Domain.Events;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Payment.Infrastructure;

public sealed class PaymentDbContext(DbContextOptions<PaymentDbContext> options) : DbContext(options)
{
    public DbSet<PaymentIntent> PaymentIntents => Set<PaymentIntent>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<EventDetails> EventDetails => Set<EventDetails>();

    public DbSet<ProviderEvent> ProviderEvents => Set<ProviderEvent>();

    /// <summary>
    /// The payment intent, row-locked until the transaction ends; null if there is none. Every change to an intent takes
    /// this lock first, so a webhook, the attendee's confirmation and a refund never interleave on one intent. The lock
    /// is its own statement: a statement that waited for it reads the charges as they were when it began, and would miss
    /// those the transaction it waited for just added.
    /// </summary>
    public async Task<PaymentIntent?> LockIntentAsync(PaymentIntentId id, CancellationToken cancellationToken)
    {
        var locked = await Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM payment_intents WHERE id = {id.Value} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return locked.Count == 0 ? null : await PaymentIntents.Include(i => i.Charges).SingleAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>The refund, row-locked until the transaction ends; null if there is none.</summary>
    public async Task<Refund?> LockRefundAsync(RefundId id, CancellationToken cancellationToken) =>
        (await Refunds.FromSqlInterpolated($"SELECT * FROM refunds WHERE id = {id.Value} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Records a provider event unless its id is already known; returns whether it is new. One statement, so concurrent
    /// deliveries of one event race only in the database's unique index.
    /// </summary>
    public async Task<bool> RecordProviderEventAsync(ProviderEvent e, CancellationToken cancellationToken) =>
        await Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO provider_events (id, provider, type, object_id, receive_time)
            VALUES ({e.Id}, {e.Provider}, {e.Type}, {e.ObjectId}, {e.ReceiveTime})
            ON CONFLICT (id) DO NOTHING
            """,
            cancellationToken) == 1;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentDbContext).Assembly).AddMessaging();
}
