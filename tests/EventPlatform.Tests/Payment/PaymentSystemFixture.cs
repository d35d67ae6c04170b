using EventPlatform.Tests.Infrastructure;

namespace EventPlatform.Tests.Payment;

/// <summary>
/// The system paid registrations need (catalog, program, registration, payment, billing, notification with the mail
/// sink, the Stripe sandbox, the BFF), with a
/// seat hold of seconds instead of minutes so holds lapse within a test, and a sandbox that delivers every webhook
/// twice and out of order, as Stripe may. It outlives its collection: the fault collection tests on it afterwards.
/// </summary>
public class PaymentSystemFixture : WholeSystemFixture
{
    private static readonly string[] Services = ["catalog", "program", "registration", "payment", "billing", "notification", "analytics", "bff"];

    public PaymentSystemFixture()
        : base(Options())
    {
    }

    /// <summary>The fault collection, which runs after this one, tests on the same system.</summary>
    protected override string SharedAs => "payment system";

    // Long enough that a loaded CI machine never lets a hold lapse between registering and paying; short enough to wait for.
    public static readonly TimeSpan HoldDuration = TimeSpan.FromSeconds(25);

    /// <summary>One paid registration to its confirmation (invoice, email and statistics follow), tried until it passes.</summary>
    protected override async Task WarmUpAsync()
    {
        var driver = new PaymentDriver(this);
        var (_, e) = await driver.PaidEventAsync(capacity: 5);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await driver.PaidRegistrationAsync(e.Id);
                return;
            }
            catch (ShouldAssertException) when (attempt < 3)
            {
                // A deadline missed while cold is what the warm-up is for.
            }
        }
    }

    private static PlatformOptions Options()
    {
        var environment = new Dictionary<string, Dictionary<string, string>>
        {
            ["registration"] = new()
            {
                ["Registration__HoldDuration"] = HoldDuration.ToString(),
                ["Registration__HoldExpiryInterval"] = "00:00:01",
                ["Registration__PaymentOpeningInterval"] = "00:00:01",
            },
            ["notification"] = new()
            {
                ["Notification__SendInterval"] = "00:00:01",
                ["Notification__FirstRetryDelay"] = "00:00:01",
                ["Notification__LongestRetryDelay"] = "00:00:04",
            },
            // Lapsed payments are left to the tests: they pay after the hold lapsed on purpose.
            ["payment"] = new() { ["Payment__ReconciliationInterval"] = "00:10:00" },
            ["stripe-sandbox"] = new()
            {
                ["Sandbox__WebhookCopies"] = "2",
                ["Sandbox__ShuffleWebhooks"] = "true",
                ["Sandbox__RetryDelay"] = "00:00:00.500",
                ["Sandbox__MaxRetryDelay"] = "00:00:02",
            },
        };
        foreach (var service in Services)
        {
            // A consumer killed with a message in hand leaves it pending; another takes it over after 10 s instead of 30 s,
            // which is most of what a test that kills a service waits for.
            environment.TryAdd(service, []);
            environment[service]["Messaging__Redis__ClaimMinIdle"] = "00:00:10";
            environment[service]["Messaging__Redis__ClaimInterval"] = "00:00:02";
        }

        return new PlatformOptions
        {
            Environment = environment.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value),
        };
    }
}

[CollectionDefinition(Name)]
public sealed class PaymentSystemCollection : ICollectionFixture<PaymentSystemFixture>
{
    public const string Name = "Payment system";
}
