using Microsoft.AspNetCore.StaticFiles;

namespace EventPlatform.Bff.WebFront;

/// <summary>
/// The web front's files (index.html, app.js, app.css): no inline script may run and no other site may frame the pages;
/// browsers check with the server before reusing a file, so a new release is seen at once.
/// </summary>
internal static class WebFrontFiles
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static WebApplication UseWebFrontFiles(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = Prepare });
        return app;
    }

    private static void Prepare(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "same-origin";
        }
    }
}
