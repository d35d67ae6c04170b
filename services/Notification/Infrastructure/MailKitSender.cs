using EventPlatform.Notification.Application.Ports;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EventPlatform.Notification.Infrastructure;

/// <summary>Where the SMTP server is: Aspire's connection-string shape, "Endpoint=smtp://host:port".</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1025;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }

    /// <summary>Sender of every email.</summary>
    public string FromAddress { get; set; } = "no-reply@eventplatform.local";

    public string FromName { get; set; } = "EventPlatform";

    public static SmtpOptions FromConnectionString(string? connectionString)
    {
        var options = new SmtpOptions();
        var endpoint = connectionString?.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0].Trim().Equals("Endpoint", StringComparison.OrdinalIgnoreCase));
        if (endpoint is { Length: 2 } && Uri.TryCreate(endpoint[1].Trim(), UriKind.Absolute, out var uri))
        {
            options.Host = uri.Host;
            options.Port = uri.Port > 0 ? uri.Port : 25;
            options.UseTls = uri.Scheme == "smtps";
        }

        return options;
    }
}

/// <summary>
/// MailKit over SMTP, one connection per email (emails are few and far between; the sink and any relay accept it).
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
