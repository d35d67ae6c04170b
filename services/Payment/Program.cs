using EventPlatform.Payment.Extensions;
using EventPlatform.Payment.Grpc;
using EventPlatform.Payment.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPayment();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<PaymentGrpcService>();
app.MapGrpcService<PaymentInternalGrpcService>();
app.MapProviderWebhooks();

app.Run();
