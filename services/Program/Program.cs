using EventPlatform.Program.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProgram();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
