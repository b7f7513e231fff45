namespace ClaimDesk.Api.Tests.Support;

/// <summary>Background jobs finish when they finish: read until the answer satisfies the test, for a bounded time.</summary>
public static class Eventually
{
    /// <returns>The last value read: the one that satisfied the condition, or the latest when time ran out (the test's asserts then say why).</returns>
    public static async Task<T> ReadUntilAsync<T>(Func<Task<T>> read, Func<T, bool> until, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (until(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(150);
        }
    }

    /// <summary>
    /// Waits for a positive sign that the work under test has run — a job's own completion marker, or a later message
    /// that arrived — and fails the test if it never comes. A test that then asserts that something did NOT happen
    /// proves it, instead of passing because the work was merely slow.
    /// </summary>
    public static async Task<T> SignalAsync<T>(Func<Task<T>> read, Func<T, bool> signal, string what, int seconds = 30)
    {
        var value = await ReadUntilAsync(read, signal, seconds);
        Assert.True(signal(value), $"No sign within {seconds} s of {what}.");
        return value;
    }
}
