using System.Reflection;

namespace ClaimDesk.Architecture.Tests;

/// <summary>A newcomer finds the code of a use case by its name: the handler of RegisterClaim is RegisterClaimHandler.</summary>
public sealed class HandlerNamingTests
{
    [Fact]
    public void Every_handler_is_named_after_the_request_it_handles()
    {
        var handlers = HandlersIn(Layers.Core).Concat(HandlersIn(Layers.Host)).ToList();
        Assert.NotEmpty(handlers); // the rule must see the handlers it judges

        var misnamed = handlers.Where(h => h.Handler.Name != h.Request.Name + "Handler")
            .Select(h => $"{h.Handler.FullName} handles {h.Request.Name}: name it {h.Request.Name}Handler").ToList();
        Assert.True(misnamed.Count == 0, string.Join("\n", misnamed));
    }

    [Fact]
    public void A_handler_handles_one_request()
    {
        var several = HandlersIn(Layers.Core).Concat(HandlersIn(Layers.Host)).GroupBy(h => h.Handler).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.FullName} handles {string.Join(", ", g.Select(h => h.Request.Name))}").ToList();
        Assert.True(several.Count == 0, string.Join("\n", several));
    }

    private static IEnumerable<(Type Handler, Type Request)> HandlersIn(Assembly assembly) => Handlers.In(assembly);
}
