using EventPlatform.ServiceDefaults.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class SmtpExtensions
{
    /// <summary>
    /// SmtpOptions from the connection string (ConnectionStrings:mail, which the AppHost gives), then the <c>Smtp</c>
    /// section on top (credentials, TLS, sender).
    /// </summary>
    public static IHostApplicationBuilder AddSmtp(this IHostApplicationBuilder builder, string connectionName = "mail")
    {
        var smtp = SmtpOptions.FromConnectionString(builder.Configuration.GetConnectionString(connectionName));
        builder.Services.Configure<SmtpOptions>(o =>
        {
            o.Host = smtp.Host;
            o.Port = smtp.Port;
            o.UseTls = smtp.UseTls;
            builder.Configuration.GetSection("Smtp").Bind(o);
        });
        return builder;
    }
}
