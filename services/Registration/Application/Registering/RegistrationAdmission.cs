using EventPlatform.Domain;
using Microsoft.Extensions.Options;

namespace EventPlatform.Registrations.Application.Registering;

/// <summary>
/// Admission control for a rush: at most <see cref="RegistrationOptions.MaxRegistrationsInFlight"/> registrations are
/// checked and queued at once; the others wait up to <see cref="RegistrationOptions.AdmissionWait"/>, then get a clear
/// "retry shortly" instead of waiting out their deadline. Without a bound, hundreds of registrations each taking a
/// database connection for their checks starve the group commit that would answer them.
/// </summary>
public sealed class RegistrationAdmission(IOptions<RegistrationOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(options.Value.MaxRegistrationsInFlight, options.Value.MaxRegistrationsInFlight);

    public async Task<T> AdmitAsync<T>(Func<Task<T>> registration, CancellationToken cancellationToken)
    {
        if (!await _turns.WaitAsync(options.Value.AdmissionWait, cancellationToken))
        {
            throw new UnavailableException("Too many registrations at this moment: retry in a second or two.");
        }

        try
        {
            return await registration();
        }
        finally
        {
            _turns.Release();
        }
    }

    public void Dispose() => _turns.Dispose();
}
