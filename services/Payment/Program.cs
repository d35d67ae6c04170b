using EventPlatform.Payment.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPayment();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
