namespace EventPlatform.ServiceDefaults.Mail;

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
