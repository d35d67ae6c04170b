using EventPlatform.Catalog.Extensions;
using EventPlatform.Catalog.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCatalog();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<CatalogGrpcService>();
app.MapGrpcService<CatalogInternalGrpcService>();

app.Run();
