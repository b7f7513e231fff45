using NetArchTest.Rules;

namespace ClaimDesk.Architecture.Tests;

/// <summary>
/// The layering the code keeps, checked on the compiled assemblies (every type, method body and signature): the domain
/// knows no storage and no host; analysis is pure; use cases know no HTTP; endpoints send requests.
/// </summary>
public sealed class LayeringTests
{
    [Fact]
    public void The_domain_uses_neither_storage_nor_jobs_nor_the_host()
    {
        Layers.InNamespace(Layers.Core, Layers.DomainNamespace)
            .ShouldNot().HaveDependencyOnAny(
                Layers.DataNamespace, Layers.EfCore, "Microsoft.Data",
                Layers.HostNamespace, Layers.AspNetCore,
                Layers.Hangfire, "ClaimDesk.Core.Jobs",
                // Nor the layers built on it.
                Layers.FeaturesNamespace, "ClaimDesk.Core.Behaviors", "ClaimDesk.Core.Infrastructure")
            .ShouldHold("The domain (entities and the workflow table) must not know how it is stored, queued or served.");
    }

    [Fact]
    public void Use_cases_never_use_the_host_or_http_types()
    {
        Layers.InNamespace(Layers.Core, Layers.FeaturesNamespace)
            .ShouldNot().HaveDependencyOnAny(
                Layers.HostNamespace, Layers.AspNetCoreHttp, "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing",
                "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization")
            .ShouldHold("Handlers throw the exceptions in Common/Exceptions.cs or return results; only the host builds HTTP answers.");
    }

    [Fact]
    public void Endpoints_send_requests_and_never_touch_the_database()
    {
        Layers.InNamespace(Layers.Host, Layers.EndpointsNamespace)
            .ShouldNot().HaveDependencyOnAny(Layers.DataNamespace, Layers.EfCore, "Microsoft.Data", Layers.Hangfire, "ClaimDesk.Core.Jobs")
            .ShouldHold("Endpoints bind, send a Mediator request and map its answer; reading and writing is the handler's work.");
    }
}
