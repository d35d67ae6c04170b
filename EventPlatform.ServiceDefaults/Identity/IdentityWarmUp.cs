using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.ServiceDefaults.Identity;

/// <summary>
/// Fetches the identity service's signing keys and this service's own token while the service starts, so the first
/// call it takes or makes does not pay for them (on a loaded machine, enough to miss a deadline). Until identity answers,
/// it tries again every two seconds, for a minute; after that the first call fetches them as before.
/// </summary>
internal sealed partial class IdentityWarmUp(
    IOptionsMonitor<JwtBearerOptions> bearer, ServiceTokens tokens, ILogger<IdentityWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var until = DateTimeOffset.UtcNow + Patience;
        while (!stoppingToken.IsCancellationRequested && DateTimeOffset.UtcNow < until)
        {
            try
            {
                if (bearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is { } keys)
                {
                    await keys.GetConfigurationAsync(stoppingToken);
                }

                if (tokens.IsConfigured)
                {
                    await tokens.GetAsync(stoppingToken);
                }

                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                NotYet(logger, e.Message);
                await Task.Delay(Pause, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The identity service does not answer yet: {Reason}")]
    private static partial void NotYet(ILogger logger, string reason);
}
