using EventPlatform.Program.Extensions;
using EventPlatform.Program.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProgram();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<ProgramGrpcService>();
app.MapGrpcService<ProgramInternalGrpcService>();

app.Run();
