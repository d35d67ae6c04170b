using EventPlatform.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.ConfigureOpenTelemetry();
builder.AddDefaultHealthChecks();
builder.Services.AddServiceDiscovery();
builder.AddIdentity();

var app = builder.Build();

app.MapHealthEndpoints();
app.MapIdentity();

app.Run();
