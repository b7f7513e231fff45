using System.Reflection;
using NetArchTest.Rules;

namespace ClaimDesk.Architecture.Tests;

/// <summary>The desk's assemblies and layers, by the namespaces the rules speak of.</summary>
internal static class Layers
{
    public static readonly Assembly Analysis = typeof(ClaimDesk.Analysis.ClaimKind).Assembly;
    public static readonly Assembly Core = typeof(ClaimDesk.Core.Domain.Claim).Assembly;
    public static readonly Assembly Host = typeof(Program).Assembly;

    public const string AnalysisNamespace = "ClaimDesk.Analysis";
    public const string DomainNamespace = "ClaimDesk.Core.Domain";
    public const string DataNamespace = "ClaimDesk.Core.Data";
    public const string FeaturesNamespace = "ClaimDesk.Core.Features";
    public const string HostNamespace = "ClaimDesk.Api";
    public const string EndpointsNamespace = "ClaimDesk.Api.Endpoints";

    public const string EfCore = "Microsoft.EntityFrameworkCore";
    public const string AspNetCore = "Microsoft.AspNetCore";
    public const string AspNetCoreHttp = "Microsoft.AspNetCore.Http";
    public const string Hangfire = "Hangfire";

    /// <summary>Fails with the names of the types that broke the rule, and what the rule is for.</summary>
    public static void ShouldHold(this ConditionList rule, string because)
    {
        var result = rule.GetResult();
        var failing = result.FailingTypeNames ?? [];
        Assert.True(result.IsSuccessful, $"{because}\nBroken by:\n  {string.Join("\n  ", failing.Order())}");
    }

    /// <summary>The types of a layer, compiler-generated ones (lambdas, async state machines) included.</summary>
    public static PredicateList InNamespace(Assembly assembly, string ns) =>
        Types.InAssembly(assembly).That().ResideInNamespace(ns);
}
