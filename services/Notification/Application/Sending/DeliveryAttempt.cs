using EventPlatform.Domain;
using EventPlatform.Notification.Application.Ports;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Notification.Application.Sending;

/// <summary>
/// One attempt at one email, in a transaction of its own: the delivery is locked (SKIP LOCKED: a replica or a sender
/// beside this one already has it), its attachments fetched, the email handed to the mail server, and the outcome
/// stored — sent, or retried later with a doubling delay, or failed for good. A crash between the hand-over and the
/// commit sends it again with the same Message-ID, which mail clients merge.
/// </summary>
public sealed class DeliveryAttempt(
    CommandPipeline<NotificationDbContext> pipeline, IMailSender mail, IBillingDocuments documents, TimeProvider clock,
    IOptions<NotificationOptions> options, ILogger<DeliveryAttempt> logger)
{
    private NotificationDbContext Db => pipeline.Db;

    private RetryPolicy Retries => new(options.Value.FirstRetryDelay, options.Value.LongestRetryDelay, options.Value.MaxAttempts);

    public Task RunAsync(Guid id, CancellationToken cancellationToken) => pipeline.RunAsync(async (_, token) =>
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
