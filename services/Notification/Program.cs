using EventPlatform.Notification.Extensions;
using EventPlatform.Notification.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNotification();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<NotificationGrpcService>();
app.MapGrpcService<NotificationInternalGrpcService>();

app.Run();
