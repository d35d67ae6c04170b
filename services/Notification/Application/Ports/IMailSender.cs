namespace EventPlatform.Notification.Application.Ports;

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <param name="MessageId">Stable per delivery, so a resend after a crash is recognised by mail clients as the same message.</param>
/// <param name="ListUnsubscribe">For bulk messages: where the recipient manages what they receive.</param>
public sealed record OutgoingMail(
    string To, string ToName, string Subject, string BodyText, string? BodyHtml, string MessageId, IReadOnlyList<MailAttachment> Attachments,
    string? ListUnsubscribe);

/// <summary>The mail server refused or could not be reached. Permanent: the address itself was refused, retrying is pointless.</summary>
public sealed class MailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>Hands an email to the mail server; returns its Message-ID.</summary>
public interface IMailSender
{
    Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
