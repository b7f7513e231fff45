using System.Reflection;
using ClaimDesk.Core.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using NetArchTest.Rules;

namespace ClaimDesk.Architecture.Tests;

/// <summary>
/// <c>Features</c> holds use cases: requests, their validators, handlers and views, and the domain services they share.
/// What outlives a request — hosted services and background pumps, caches, writers, stores, hooks into every save —
/// is infrastructure, under <c>ClaimDesk.Core.Infrastructure</c>, where a reader looking for a use case does not trip on it.
/// </summary>
public sealed class InfrastructurePlacementTests
{
    /// <summary>What a type is, by what it implements or what it is called: none of it is a use case.</summary>
    private static readonly Type[] InfrastructureContracts = [typeof(IHostedService), typeof(ISaveChangesObserver), typeof(IInterceptor)];

    private static readonly string[] InfrastructureNames = ["Cache", "Writer", "Store", "Pump", "Outbox", "HostedService"];

    /// <summary>What only long-lived code needs: the host's lifetime, caches, queues, shared state and timers, scopes of its own.</summary>
    private static readonly string[] LongLivedDependencies =
    [
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Caching", "Microsoft.Extensions.DependencyInjection",
        "System.Threading.Channels", "System.Collections.Concurrent", "System.Threading.SemaphoreSlim",
        "System.Threading.PeriodicTimer", "System.Threading.Timer", "System.Timers",
    ];

    [Fact]
    public void Hosted_services_caches_writers_and_save_hooks_live_outside_features()
    {
        var found = InfrastructureIn(Layers.Core, Layers.FeaturesNamespace).ToList();
        Assert.True(found.Count == 0,
            "Infrastructure belongs under ClaimDesk.Core.Infrastructure.<Area>, not among the use cases:\n  " + string.Join("\n  ", found));
    }

    [Fact]
    public void Use_cases_hold_no_long_lived_state()
    {
        var result = LongLivedIn(Layers.Core, Layers.FeaturesNamespace).GetResult();
        var failing = (result.FailingTypeNames ?? []).ToList();
        Assert.True(failing.Count == 0,
            "A use case lives for one request; queues, caches, timers and scopes of its own belong to infrastructure:\n  " + string.Join("\n  ", failing.Order()));
    }

    [Fact]
    public void The_placement_rules_see_a_pump_put_back_among_the_use_cases()
    {
        // A rule that cannot fail proves nothing: the same rules, over this assembly's planted use-case area.
        const string planted = "ClaimDesk.Architecture.Tests.Planted.Features";
        Assert.Equal([typeof(Planted.Features.ArticlePump).FullName!, typeof(Planted.Features.OutletCache).FullName!],
            InfrastructureIn(typeof(InfrastructurePlacementTests).Assembly, planted).Order());
        var result = LongLivedIn(typeof(InfrastructurePlacementTests).Assembly, planted).GetResult();
        Assert.False(result.IsSuccessful);
        Assert.Contains(typeof(Planted.Features.OutletCache).FullName!, result.FailingTypeNames ?? []);
    }

    private static IEnumerable<string> InfrastructureIn(Assembly assembly, string ns) =>
        from type in assembly.GetTypes()
        where type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal))
        where !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && !type.IsNested
        where InfrastructureContracts.Any(c => c.IsAssignableFrom(type)) || InfrastructureNames.Any(n => type.Name.EndsWith(n, StringComparison.Ordinal))
        select type.FullName!;

    private static ConditionList LongLivedIn(Assembly assembly, string ns) =>
        Types.InAssembly(assembly).That().ResideInNamespace(ns).ShouldNot().HaveDependencyOnAny(LongLivedDependencies);
}
