using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging;

/// <summary>The bus's warnings and errors in the test's output, so a failing test shows what the bus saw.</summary>
internal sealed class TestOutputLoggerProvider(ITestOutputHelper output, string service) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(output, service, categoryName);

    public void Dispose()
    {
    }

    private sealed class TestOutputLogger(ITestOutputHelper output, string service, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= (category.StartsWith("EventPlatform", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {service} {logLevel} {category.Split('.')[^1]}: {formatter(state, exception)}" +
                    (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
            }
            catch (InvalidOperationException)
            {
                // The test has already finished: its output is closed.
            }
        }
    }
}
