namespace EventPlatform.Identity.Application.Ports;

/// <summary>Sends a sign-in code to the address it proves.</summary>
public interface ICodeMailer
{
    Task SendCodeAsync(string email, string code, TimeSpan validFor, CancellationToken cancellationToken);
}
