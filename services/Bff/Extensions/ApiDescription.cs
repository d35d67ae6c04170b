using Microsoft.OpenApi.Models;
using Scalar.AspNetCore;

namespace EventPlatform.Bff.Extensions;

/// <summary>
/// OpenAPI 3 of the JSON API, made from the proto descriptors (routes, path parameters, schemas) and the comments of the
/// contracts, plus the BFF's own endpoints (session, account); browsable with Scalar at /api.
/// </summary>
internal static class ApiDescription
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddApiDescription(this IServiceCollection services)
    {
        services.AddGrpcSwagger();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "EventPlatform API",
                Version = "v1",
                Description = "Events, program, registrations, payments, invoices, notifications and statistics as JSON. " +
                    "Authenticate with a bearer token from the identity service (or the browser's session cookie plus its " +
                    "X-CSRF-TOKEN header). Errors are google.rpc.Status objects: a 400 lists its field violations.",
            });
            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "An access token from the identity service's /connect/token.",
            });
            options.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
            var comments = Path.Combine(AppContext.BaseDirectory, "EventPlatform.Contracts.xml");
            if (File.Exists(comments))
            {
                options.IncludeXmlComments(comments);
                options.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }
        });
        return services;
    }

    public static WebApplication MapApiDescription(this WebApplication app)
    {
        app.UseSwagger(options => options.RouteTemplate = "/openapi/{documentName}.json");
        app.MapScalarApiReference("/api", options => options
            .WithTitle("EventPlatform API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }
}
