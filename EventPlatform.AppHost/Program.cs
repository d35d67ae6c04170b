using EventPlatform.AppHost.Hosting;

// The whole system on one machine. Ports are the ones a developer sees; tests replace them with free ones.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres", port: 5433);
var catalogDb = postgres.AddDatabase("catalogdb");
var programDb = postgres.AddDatabase("programdb");
var registrationDb = postgres.AddDatabase("registrationdb");
var paymentDb = postgres.AddDatabase("paymentdb");
var billingDb = postgres.AddDatabase("billingdb");
var notificationDb = postgres.AddDatabase("notificationdb");
var analyticsDb = postgres.AddDatabase("analyticsdb");
var redis = builder.AddRedis("redis", port: 6380);
var mail = builder.AddMailDev("mail", smtpPort: 1025, webPort: 1080);

var catalog = builder.AddProject("catalog", "services/Catalog/EventPlatform.Catalog.csproj")
    .WithGrpcEndpoint(7101).WithHttpEndpoint(7201)
    .WithReference(catalogDb).WaitFor(catalogDb)
    .WithReference(redis).WaitFor(redis);

var payment = builder.AddProject("payment", "services/Payment/EventPlatform.Payment.csproj")
    .WithGrpcEndpoint(7104).WithHttpEndpoint(7204)
    .WithReference(paymentDb).WaitFor(paymentDb)
    .WithReference(redis).WaitFor(redis);

var program = builder.AddProject("program", "services/Program/EventPlatform.Program.csproj")
    .WithGrpcEndpoint(7102).WithHttpEndpoint(7202)
    .WithReference(programDb).WaitFor(programDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(catalog);

var registration = builder.AddProject("registration", "services/Registration/EventPlatform.Registration.csproj")
    .WithGrpcEndpoint(7103).WithHttpEndpoint(7203)
    .WithReference(registrationDb).WaitFor(registrationDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(catalog).WithReference(program).WithReference(payment);

// Catalog asks registration how many seats are taken before it lets capacity fall.
catalog.WithReference(registration);

var billing = builder.AddProject("billing", "services/Billing/EventPlatform.Billing.csproj")
    .WithGrpcEndpoint(7105).WithHttpEndpoint(7205)
    .WithReference(billingDb).WaitFor(billingDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(catalog).WithReference(registration);

var notification = builder.AddProject("notification", "services/Notification/EventPlatform.Notification.csproj")
    .WithGrpcEndpoint(7106).WithHttpEndpoint(7206)
    .WithReference(notificationDb).WaitFor(notificationDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(mail).WaitFor(mail)
    .WithReference(catalog).WithReference(program).WithReference(registration).WithReference(billing);

var analytics = builder.AddProject("analytics", "services/Analytics/EventPlatform.Analytics.csproj")
    .WithGrpcEndpoint(7107).WithHttpEndpoint(7207)
    .WithReference(analyticsDb).WaitFor(analyticsDb)
    .WithReference(redis).WaitFor(redis);

// The public edge starts last, so once it answers, everything behind it does.
builder.AddProject("bff", "services/Bff/EventPlatform.Bff.csproj")
    .WithGrpcEndpoint(7100).WithHttpEndpoint(5000)
    .WithReference(catalog).WaitFor(catalog)
    .WithReference(program).WaitFor(program)
    .WithReference(registration).WaitFor(registration)
    .WithReference(payment).WaitFor(payment)
    .WithReference(billing).WaitFor(billing)
    .WithReference(notification).WaitFor(notification)
    .WithReference(analytics).WaitFor(analytics);

builder.Build().Run();
