using EventPlatform.Billing.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBilling();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
