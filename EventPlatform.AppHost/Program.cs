using EventPlatform.AppHost.Hosting;

// The whole system on one machine. Ports are the ones a developer sees; tests replace them with free ones.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres", port: 5433);
var catalogDb = postgres.AddDatabase("catalogdb");
var redis = builder.AddRedis("redis", port: 6380);
var mail = builder.AddMailDev("mail", smtpPort: 1025, webPort: 1080);

var catalog = builder.AddProject("catalog", "services/Catalog/EventPlatform.Catalog.csproj")
    .WithGrpcEndpoint(7101).WithHttpEndpoint(7201)
    .WithReference(catalogDb).WaitFor(catalogDb);

builder.AddProject("bff", "services/Bff/EventPlatform.Bff.csproj")
    .WithGrpcEndpoint(7100).WithHttpEndpoint(5000)
    .WithReference(catalog).WaitFor(catalog);

builder.Build().Run();
