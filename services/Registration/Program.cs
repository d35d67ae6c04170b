using EventPlatform.Registrations.Extensions;
using EventPlatform.Registrations.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRegistration();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<RegistrationGrpcService>();
app.MapGrpcService<RegistrationInternalGrpcService>();

app.Run();
