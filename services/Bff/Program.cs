using EventPlatform.Bff.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBff();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapBff();

app.Run();
