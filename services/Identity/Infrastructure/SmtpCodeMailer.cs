using EventPlatform.Identity.Application.Ports;
using EventPlatform.ServiceDefaults.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EventPlatform.Identity.Infrastructure;

/// <summary>
/// Codes go straight to the SMTP server rather than through notification's queue: a code is a secret that must not sit
/// in an event stream, and it is useful for minutes only, so it is sent while the person waits.
/// </summary>
internal sealed class SmtpCodeMailer(IOptions<SmtpOptions> smtp) : ICodeMailer
{
    public async Task SendCodeAsync(string email, string code, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var message = new MimeMessage { Subject = $"{code} is your EventPlatform sign-in code" };
        message.From.Add(new MailboxAddress(smtp.Value.FromName, smtp.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(email));
        message.Body = new TextPart("plain")
        {
            Text = $"Your sign-in code is {code}.\n\nIt is valid for {validFor.TotalMinutes:0} minutes and can be used once. "
                + "If you did not ask to sign in, ignore this email: nobody can sign in without the code.\n",
        };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Value.Host, smtp.Value.Port,
            smtp.Value.UseTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None, cancellationToken);
        if (smtp.Value.UserName is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, smtp.Value.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
