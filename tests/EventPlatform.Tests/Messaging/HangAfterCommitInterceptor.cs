using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EventPlatform.Tests.Messaging;

/// <summary>
/// Freezes the consumer right after its handler's transaction committed, before the transport acknowledges: the
/// worst moment for a process to die. Armed once; until armed (schema creation) it lets everything through.
/// </summary>
internal sealed class HangAfterCommitInterceptor : DbTransactionInterceptor
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    public Task Committed => _committed.Task;

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _committed.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
