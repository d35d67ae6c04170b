using EventPlatform.Notification.Application.Ports;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using EventPlatform.ServiceDefaults.Mail;

namespace EventPlatform.Notification.Infrastructure;

/// <summary>
/// MailKit over SMTP, one connection per email: the senders working at once each hold their own, and a connection
/// never outlives a mail server's restart.
/// A refused recipient is permanent; a server that cannot be reached or answers 4xx is transient.
/// </summary>
internal sealed class MailKitSender(IOptions<SmtpOptions> smtp) : IMailSender
{
    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId };
        message.From.Add(new MailboxAddress(smtp.Value.FromName, smtp.Value.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        if (mail.ListUnsubscribe is { } unsubscribe)
        {
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
        }

        var body = new BodyBuilder { TextBody = mail.BodyText, HtmlBody = mail.BodyHtml };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Value.Host, smtp.Value.Port, smtp.Value.UseTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None, cancellationToken);
            if (smtp.Value.UserName is { Length: > 0 } user)
            {
                await client.AuthenticateAsync(user, smtp.Value.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return message.MessageId;
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            throw new MailDeliveryException($"The mail server refused {mail.To}: {e.Message}", permanent: true, e);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException
                                      or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new MailDeliveryException($"The mail server is unavailable: {e.Message}", permanent: false, e);
        }
    }
}
