using System.Reflection;

namespace ClaimDesk.WebConsole.Tests;

/// <summary>The console is a layer over the use cases: it sends Mediator requests and never touches the database.</summary>
public sealed class ConsoleLayerTests
{
    private static readonly Assembly Console = typeof(ConsoleSetup).Assembly;

    [Fact]
    public void The_console_uses_no_EF_Core_and_no_DbContext()
    {
        Assert.DoesNotContain(Console.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        var dbContext = typeof(Core.Data.ClaimDeskDbContext);
        foreach (var type in Console.GetTypes())
        {
            const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            var touched = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters()).Select(p => p.ParameterType));
            Assert.DoesNotContain(touched, t => dbContext.IsAssignableFrom(t));
        }
    }

    [Fact]
    public void Every_console_action_that_changes_something_names_its_permission()
    {
        var pages = Console.GetTypes().Where(t => typeof(Infrastructure.ConsolePage).IsAssignableFrom(t) && !t.IsAbstract);
        var unnamed = pages.SelectMany(p => p.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Where(m => m.GetCustomAttribute<Infrastructure.PermissionAttribute>() is null)
                .Select(m => $"{p.Name}.{m.Name}"))
            .ToList();
        Assert.Empty(unnamed);
        Assert.NotEmpty(pages);
    }
}
