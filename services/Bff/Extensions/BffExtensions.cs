using EventPlatform.Bff.Caching;
using EventPlatform.Bff.Forwarding;
using EventPlatform.Bff.Payments;
using EventPlatform.Bff.Sessions;
using EventPlatform.Bff.WebFront;
using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Bff.Extensions;

internal static class BffExtensions
{
    /// <summary>
    /// Every public API as JSON through gRPC-JSON transcoding, by forwarders generated from the contracts (one per
    /// public service); internal RPCs of the services are never mapped here.
    /// </summary>
    public static WebApplicationBuilder AddBff(this WebApplicationBuilder builder)
    {
        // Error details (field violations, broken rule names) come through in the JSON body of a 400/404/409.
        builder.Services.AddGrpc(options => options.Interceptors.Add<RejectedRequestLog.Mark>())
            .AddJsonTranscoding(options => options.TypeRegistry = ErrorMappingInterceptor.DetailTypes);
        Forwarders.AddForwarderClients(builder.Services);
        builder.Services.AddPaymentPages();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<ForwardedForHandler>();
#pragma warning disable EXTEXP0001 // Experimental, but the only way to take the default handler off one client.
        // Identity's refusals (400, 429) are the person's answer, not failures to retry or to open a circuit on.
        builder.Services.AddHttpClient<IdentityClient>(http =>
            {
                http.BaseAddress = new Uri("http://_http.identity/");
                http.Timeout = TimeSpan.FromSeconds(10);
            })
            .RemoveAllResilienceHandlers()
            .AddHttpMessageHandler<ForwardedForHandler>();
#pragma warning restore EXTEXP0001
        builder.Services.AddAuthentication().AddCookie(BrowserSession.Scheme, BrowserSession.ConfigureCookie);
        builder.Services.AddAntiforgery(options =>
        {
            options.HeaderName = BrowserSession.CsrfHeader;
            options.Cookie.Name = "ep_csrf";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddRegistrationRateLimit(builder.Configuration);
        builder.Services.AddApiDescription();
        builder.AddPublicReadCache();
        return builder;
    }

    public static WebApplication MapBff(this WebApplication app)
    {
        app.UseWebFrontFiles();
        app.UseMiddleware<RejectedRequestLog>();
        // Before the session: a cached public read needs neither the session's token nor its refresh.
        app.UsePublicReadCache();
        app.UseMiddleware<SessionBearerMiddleware>();
        app.UseMiddleware<RetryAfterMiddleware>();
        app.UseRateLimiter();
        app.MapApiDescription();
        app.MapSessionEndpoints();
        app.MapAccountEndpoints();
        Forwarders.MapForwarders(app);
        app.MapPaymentPages();
        return app;
    }
}
