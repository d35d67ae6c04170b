using EventPlatform.Registration.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRegistration();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
