using EventPlatform.Domain;
using EventPlatform.Notification.Application.Ports;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Notification.Application.Sending;

/// <summary>
/// Sends due emails: each claimed with SKIP LOCKED (replicas share the work, never an email), sent, and its outcome
/// stored — sent, or retried later with a doubling delay, or failed for good. An email is handed to the mail server
/// before its outcome commits: a crash in between sends it again with the same Message-ID, which mail clients merge.
/// </summary>
public sealed class DeliveryWork(
    CommandPipeline<NotificationDbContext> pipeline, IMailSender mail, IBillingDocuments documents, EventMessagePlanning messages, TimeProvider clock,
    IOptions<NotificationOptions> options, ILogger<DeliveryWork> logger)
{
    private const int Batch = 20;

    private NotificationDbContext Db => pipeline.Db;

    private RetryPolicy Retries => new(options.Value.FirstRetryDelay, options.Value.LongestRetryDelay, options.Value.MaxAttempts);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await messages.PlanPendingAsync(cancellationToken);
        while (await SendBatchAsync(cancellationToken) == Batch)
        {
        }
    }

    private async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        var due = await Db.Deliveries.FromSqlInterpolated(
                $"""
                SELECT * FROM deliveries
                WHERE status = 'Pending' AND channel = 'Email' AND next_attempt_time <= {clock.GetUtcNow()}
                ORDER BY next_attempt_time LIMIT {Batch}
                """)
            .AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await SendAsync(id, cancellationToken);
        }

        return due.Count;
    }

    private Task SendAsync(Guid id, CancellationToken cancellationToken) => pipeline.RunAsync(async (_, token) =>
    {
        var delivery = (await Db.Deliveries.FromSqlInterpolated(
                $"SELECT * FROM deliveries WHERE id = {id} AND status = 'Pending' FOR UPDATE SKIP LOCKED").ToListAsync(token))
            .SingleOrDefault();
        if (delivery is null)
        {
            return;
        }

        try
        {
            var attachments = new List<MailAttachment>();
            foreach (var attachment in delivery.Attachments)
            {
                attachments.Add(await documents.PdfAsync(attachment.Kind, attachment.DocumentId, token));
            }

            var messageId = await mail.SendAsync(
                new OutgoingMail(
                    delivery.RecipientEmail, "", delivery.Subject, delivery.BodyText, delivery.BodyHtml, $"{delivery.Id}@{MailDomain}", attachments,
                    delivery.Bulk ? $"{options.Value.PublicBaseUrl.TrimEnd('/')}/notifications/preferences" : null),
                token);
            delivery.Sent(messageId, clock.GetUtcNow());
        }
        catch (MailDeliveryException e)
        {
            logger.LogWarning("Email {Delivery} to {Recipient} not sent (attempt {Attempt}): {Reason}", delivery.Id, delivery.RecipientId, delivery.AttemptCount + 1, e.Message);
            delivery.AttemptFailed(e.Message, e.Permanent, Retries, clock.GetUtcNow());
        }
        catch (UnavailableException e)
        {
            logger.LogWarning("Email {Delivery} waits for its attachment: {Reason}", delivery.Id, e.Message);
            delivery.AttemptFailed(e.Message, permanent: false, Retries, clock.GetUtcNow());
        }
    }, cancellationToken);

    private string MailDomain => new Uri(options.Value.PublicBaseUrl).Host;
}

/// <summary>Runs <see cref="DeliveryWork"/> when a delivery is planned, and at least every SendInterval (retries fall due).</summary>
public sealed class DeliveryWorkService(
    IServiceScopeFactory scopes, WorkSignal<DeliveryWork> signal, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DeliveryWorkService> logger)
    : SignalledWorkService<DeliveryWork>(scopes, signal, clock, logger, options.Value.SendInterval, "Email delivery")
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DeliveryWork>().RunAsync(cancellationToken);
}
