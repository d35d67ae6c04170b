using EventPlatform.AppHost.Launcher;

namespace EventPlatform.AppHost.Infrastructure;

/// <summary>
/// The payment provider locally: the Stripe sandbox (tools/StripeSandbox), which answers Stripe's API and signs its
/// webhooks as Stripe does. Its API key and webhook secret are secret parameters made once per data folder; set
/// <c>Parameters:stripe-api-key</c> and <c>Parameters:stripe-webhook-secret</c> to use others.
/// </summary>
public static class StripeSandboxResources
{
    public sealed record StripeSandbox(
        IResourceBuilder<ProjectResource> Resource, IResourceBuilder<ParameterResource> ApiKey, IResourceBuilder<ParameterResource> WebhookSecret);

    public static StripeSandbox AddStripeSandbox(this IDistributedApplicationBuilder builder, string name)
    {
        var data = LocalData.Of(builder).Directory;
        builder.Configuration["Parameters:stripe-api-key"] ??= LocalSecrets.LoadOrCreate(data, Path.Combine("stripe", "api-key"), "sk_test_");
        builder.Configuration["Parameters:stripe-webhook-secret"] ??= LocalSecrets.LoadOrCreate(data, Path.Combine("stripe", "webhook-secret"), "whsec_");
        var apiKey = builder.AddParameter("stripe-api-key", secret: true);
        var webhookSecret = builder.AddParameter("stripe-webhook-secret", secret: true);
        var sandbox = builder.AddProject<Projects.EventPlatform_StripeSandbox>(name)
            .WithDirectEndpoints()
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithEnvironment("Sandbox__ApiKey", apiKey)
            .WithEnvironment("Sandbox__WebhookSecret", webhookSecret);
#pragma warning disable ASPIRECERTIFICATES001 // Plain HTTP on the loopback, as the services.
        sandbox.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
        return new StripeSandbox(sandbox, apiKey, webhookSecret);
    }

    /// <summary>Payment talks to the sandbox as it would to Stripe: its API base, key and webhook secret.</summary>
    public static IResourceBuilder<ProjectResource> WithStripe(this IResourceBuilder<ProjectResource> payment, StripeSandbox stripe) =>
        payment
            .WithEnvironment("Stripe__ApiBase", stripe.Resource.GetEndpoint("http"))
            .WithEnvironment("Stripe__ApiKey", stripe.ApiKey)
            .WithEnvironment("Stripe__WebhookSecret", stripe.WebhookSecret)
            .WithReference(stripe.Resource);
}
