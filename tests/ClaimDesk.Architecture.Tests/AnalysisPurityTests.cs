using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace ClaimDesk.Architecture.Tests;

/// <summary>
/// Text analysis is pure functions over strings and spans: the same input gives the same answer anywhere, so it can be
/// unit-tested without a desk. It knows nothing of the desk's storage or domain and does no I/O and reads no clock.
/// </summary>
public sealed class AnalysisPurityTests
{
    /// <summary>Everything that reaches outside the process, or reads its state: none of it is analysis.</summary>
    private static readonly string[] InputOutput =
    [
        // The desk itself: its domain, its database, its jobs.
        "ClaimDesk.Core", Layers.EfCore, "Microsoft.Data", "System.Data", Layers.Hangfire,
        // The network and the host.
        "System.Net", Layers.AspNetCore, "Microsoft.Extensions",
        // The file system and the process's surroundings.
        "System.IO.File", "System.IO.FileInfo", "System.IO.FileStream", "System.IO.FileSystemInfo", "System.IO.Directory",
        "System.IO.DirectoryInfo", "System.IO.DriveInfo", "System.IO.Path", "System.IO.FileSystemWatcher", "System.IO.RandomAccess",
        "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.MemoryMappedFiles", "System.IO.Pipes", "System.IO.IsolatedStorage",
        "System.Console", "System.Diagnostics.Process",
        // Clocks and timers (DateTime itself is fine: dates are what analysis reads; DateTime.Now is the next test's).
        "System.TimeProvider", "System.Diagnostics.Stopwatch", "System.Threading.Timer", "System.Threading.PeriodicTimer", "System.Timers",
    ];

    [Fact]
    public void Analysis_uses_neither_the_desk_nor_anything_that_does_io()
    {
        Types.InAssembly(Layers.Analysis)
            .Should().NotHaveDependencyOnAny(InputOutput)
            .ShouldHold("ClaimDesk.Analysis is pure: callers pass text in and store, fetch and time what comes out.");
    }

    [Fact]
    public void Analysis_reads_neither_the_clock_nor_the_environment()
    {
        Types.InAssembly(Layers.Analysis)
            .Should().MeetCustomRule(new ReadsNoClock())
            .ShouldHold("ClaimDesk.Analysis reads no clock and no environment: a date it needs (an article's publication date) is passed in.");
    }

    [Fact]
    public void The_clock_rule_sees_a_clock_read()
    {
        // A rule that cannot fail proves nothing: this very assembly reads the clock and the environment below.
        foreach (var reader in new[] { nameof(ClockReader), nameof(EnvironmentReader) })
        {
            var result = Types.InAssembly(typeof(AnalysisPurityTests).Assembly)
                .That().HaveName(reader).Should().MeetCustomRule(new ReadsNoClock()).GetResult();
            Assert.False(result.IsSuccessful, reader);
        }
    }

    private static class ClockReader
    {
        public static IEnumerable<int> Years() { yield return DateTime.UtcNow.Year; }
    }

    private static class EnvironmentReader
    {
        public static Func<string?> Home => () => Environment.GetEnvironmentVariable("HOME");
    }

    /// <summary>
    /// No call to DateTime.Now, UtcNow or Today (nor their DateTimeOffset twins), and none to Environment but the thread
    /// id the compiler's own iterators read.
    /// </summary>
    private sealed class ReadsNoClock : ICustomRule
    {
        private static readonly HashSet<string> ClockGetters = ["get_Now", "get_UtcNow", "get_Today"];

        public bool MeetsRule(TypeDefinition type) => !Readers(type).Any();

        private static bool ReadsOutside(MethodReference called) => called.DeclaringType.FullName switch
        {
            "System.DateTime" or "System.DateTimeOffset" => ClockGetters.Contains(called.Name),
            "System.Environment" => called.Name != "get_CurrentManagedThreadId",
            _ => false,
        };

        // Nested types too: a lambda or an iterator compiles to a type of its own inside the one that wrote it.
        private static IEnumerable<Instruction> Readers(TypeDefinition type) =>
            type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
                .Where(i => i.Operand is MethodReference called && ReadsOutside(called))
                .Concat(type.NestedTypes.SelectMany(Readers));
    }
}
