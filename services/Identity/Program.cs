using EventPlatform.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.ConfigureOpenTelemetry();
builder.AddDefaultHealthChecks();
builder.Services.AddServiceDiscovery();
builder.AddIdentity();

var app = builder.Build();

app.MapHealthChecks(ServiceDefaultsExtensions.HealthEndpointPath);
app.MapHealthChecks(ServiceDefaultsExtensions.AlivenessEndpointPath, new() { Predicate = check => check.Tags.Contains("live") });
app.MapIdentity();

app.Run();
