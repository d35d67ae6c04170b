using EventPlatform.Billing.Extensions;
using EventPlatform.Billing.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBilling();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<BillingGrpcService>();
app.MapGrpcService<BillingInternalGrpcService>();

app.Run();
