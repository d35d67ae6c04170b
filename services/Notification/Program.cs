using EventPlatform.Notification.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNotification();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
