extern alias RegistrationService;

using EventPlatform.Domain;
using Microsoft.Extensions.Options;
using RegistrationService::EventPlatform.Registrations.Application;
using RegistrationService::EventPlatform.Registrations.Application.Registering;

namespace EventPlatform.Tests.Registrations;

public sealed class RegistrationAdmissionTests
{
    [Fact]
    public async Task Beyond_the_registrations_in_flight_one_waits_its_turn_then_is_told_to_retry()
    {
        using var admission = new RegistrationAdmission(Options.Create(new RegistrationOptions
        {
            MaxRegistrationsInFlight = 1,
            AdmissionWait = TimeSpan.FromMilliseconds(200),
        }));
        var release = new TaskCompletionSource<int>();
        var inFlight = admission.AdmitAsync(() => release.Task, CancellationToken.None);

        var turned = await Assert.ThrowsAsync<UnavailableException>(() => admission.AdmitAsync(() => Task.FromResult(2), CancellationToken.None));
        Assert.Contains("retry", turned.Message, StringComparison.OrdinalIgnoreCase);

        var waiting = admission.AdmitAsync(() => Task.FromResult(3), CancellationToken.None);
        release.SetResult(1);
        Assert.Equal(1, await inFlight);
        Assert.Equal(3, await waiting);
    }
}
