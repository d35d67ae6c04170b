using EventPlatform.AppHost.Infrastructure;
using EventPlatform.AppHost.Launcher;

var launch = LaunchArguments.Parse(args);
if (launch.Token is { } token)
{
    return await DevelopmentTokenCommand.RunAsync(token);
}

var builder = DistributedApplication.CreateBuilder(launch.Remaining);
if (launch.Fresh)
{
    LocalData.Wipe(builder);
}

try
{
    // Infrastructure: local executables in Aspire's shape (a container engine would make each AddPostgres/AddRedis).
    var postgres = builder.AddLocalPostgres("postgres", port: 5433);
    var catalogDb = postgres.AddDatabase("catalogdb");
    var programDb = postgres.AddDatabase("programdb");
    var registrationDb = postgres.AddDatabase("registrationdb");
    var paymentDb = postgres.AddDatabase("paymentdb");
    var billingDb = postgres.AddDatabase("billingdb");
    var notificationDb = postgres.AddDatabase("notificationdb");
    var analyticsDb = postgres.AddDatabase("analyticsdb");
    var redis = builder.AddLocalRedis("redis", port: 6380);
    var mail = builder.AddMailDev("mail", smtpPort: 1025, webPort: 1080);
    var identityDb = postgres.AddDatabase("identitydb");
    var stripe = builder.AddStripeSandbox("stripe-sandbox");

    // People sign in here; it alone holds the signing key. Every service checks tokens with its published keys and
    // calls the others with a client credential of its own.
    var identity = builder.AddIdentityService(identityDb, mail);
    // An internal system outside the AppHost (a back office) calling internal RPCs with its own client credential.
    builder.AddClientCredential(identity, "backoffice");

    // The services. Ports are in each one's appsettings.json (gRPC 710x, health 720x); the BFF is on 5000.
    var catalog = builder.AddService<Projects.EventPlatform_Catalog>("catalog")
        .WithServiceIdentity(identity)
        .WithReference(catalogDb).WaitFor(catalogDb)
        .WithReference(redis).WaitFor(redis);

    var payment = builder.AddService<Projects.EventPlatform_Payment>("payment")
        .WithServiceIdentity(identity)
        .WithReference(paymentDb).WaitFor(paymentDb)
        .WithReference(redis).WaitFor(redis)
        .WithStripe(stripe);

    var program = builder.AddService<Projects.EventPlatform_Program>("program")
        .WithServiceIdentity(identity)
        .WithReference(programDb).WaitFor(programDb)
        .WithReference(redis).WaitFor(redis)
        .WithReference(catalog);

    var registration = builder.AddService<Projects.EventPlatform_Registration>("registration")
        .WithServiceIdentity(identity)
        .WithReference(registrationDb).WaitFor(registrationDb)
        .WithReference(redis).WaitFor(redis)
        .WithReference(catalog).WithReference(program).WithReference(payment);

    // Catalog asks registration how many seats are taken before it lets capacity fall.
    catalog.WithReference(registration);

    var billing = builder.AddService<Projects.EventPlatform_Billing>("billing")
        .WithServiceIdentity(identity)
        .WithReference(billingDb).WaitFor(billingDb)
        .WithReference(redis).WaitFor(redis)
        .WithReference(catalog).WithReference(registration);

    var notification = builder.AddService<Projects.EventPlatform_Notification>("notification")
        .WithServiceIdentity(identity)
        .WithReference(notificationDb).WaitFor(notificationDb)
        .WithReference(redis).WaitFor(redis)
        .WithReference(mail).WaitFor(mail)
        .WithReference(catalog).WithReference(program).WithReference(registration).WithReference(billing);

    var analytics = builder.AddService<Projects.EventPlatform_Analytics>("analytics")
        .WithServiceIdentity(identity)
        .WithReference(analyticsDb).WaitFor(analyticsDb)
        .WithReference(redis).WaitFor(redis);

    // The public edge. It starts beside the services rather than after them: each one's health shows in the dashboard,
    // and a call to a service not yet up is answered 503 (UNAVAILABLE), never hangs.
    var bff = builder.AddService<Projects.EventPlatform_Bff>("bff")
        .WithServiceIdentity(identity)
        // Integration events tell its cache of public reads what changed (it serves without them, only staler).
        .WithReference(redis)
        .WithReference(catalog)
        .WithReference(program)
        .WithReference(registration)
        .WithReference(payment)
        .WithReference(billing)
        .WithReference(notification)
        .WithReference(analytics);

    // The attendee pays on the BFF's checkout page; the provider's webhooks come in through the BFF too.
    identity.WithWebFront(bff);
    payment.WithCallbackUrl("Payment__CheckoutBaseUrl", bff);
    notification.WithCallbackUrl("Notification__PublicBaseUrl", bff);
    stripe.Resource.WithCallbackUrl("Sandbox__WebhookUrl", bff, "/payments/webhooks/stripe");

    builder.UseKafkaIfAsked([catalog, payment, program, registration, billing, notification, analytics, bff]);
    ResourceSelection.Apply(builder, launch);
}
catch (Exception e) when (e is MissingPrerequisiteException or ArgumentException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await builder.Build().RunAsync();
return 0;
