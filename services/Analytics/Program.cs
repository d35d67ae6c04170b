using EventPlatform.Analytics.Extensions;
using EventPlatform.Analytics.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAnalytics();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<AnalyticsGrpcService>();

app.Run();
