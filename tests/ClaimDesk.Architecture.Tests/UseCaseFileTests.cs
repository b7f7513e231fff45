using System.Reflection;
using Mono.Cecil;

namespace ClaimDesk.Architecture.Tests;

/// <summary>
/// One use case, one file, named after what the user does: the request, its validator and its handler side by side in
/// Features/&lt;Area&gt;/&lt;Request&gt;.cs. Read from the compiled assembly's symbols, so it judges where the code really is.
/// </summary>
public sealed class UseCaseFileTests
{
    [Fact]
    public void Every_use_case_is_written_in_a_file_named_after_its_request()
    {
        using var core = ModuleDefinition.ReadModule(Layers.Core.Location, new ReaderParameters { ReadSymbols = true });
        var handlers = Handlers.In(Layers.Core)
            .Where(h => h.Handler.Namespace!.StartsWith(Layers.FeaturesNamespace + ".", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(handlers); // the rule must see the handlers it judges

        var misplaced = new List<string>();
        foreach (var (handler, request) in handlers)
        {
            var expected = request.Name + ".cs";
            foreach (var type in new[] { handler, request })
            {
                var files = SourceFiles.Of(core.GetType(type.FullName)).Select(Path.GetFileName).ToList();
                if (files.Any(f => f != expected))
                    misplaced.Add($"{type.FullName} is written in {string.Join(", ", files)}; the use case {request.Name} belongs in {expected}");
            }
        }
        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    [Fact]
    public void The_file_rule_sees_where_a_type_is_written()
    {
        // A rule that cannot fail proves nothing: this very test is read back from its own symbols.
        using var tests = ModuleDefinition.ReadModule(typeof(UseCaseFileTests).Assembly.Location, new ReaderParameters { ReadSymbols = true });
        Assert.Equal(["UseCaseFileTests.cs"], SourceFiles.Of(tests.GetType(typeof(UseCaseFileTests).FullName)).Select(Path.GetFileName));
    }
}

/// <summary>The source files a type's code was written in (its lambdas and state machines included), from the symbols.</summary>
internal static class SourceFiles
{
    public static IReadOnlySet<string> Of(TypeDefinition type) =>
        Methods(type).Where(m => m.DebugInformation.HasSequencePoints)
            .SelectMany(m => m.DebugInformation.SequencePoints).Select(p => p.Document.Url)
            // What a source generator wrote for the type (a [GeneratedRegex]) is not where anyone wrote it.
            .Where(url => !url.EndsWith(".g.cs", StringComparison.Ordinal))
            .ToHashSet();

    private static IEnumerable<MethodDefinition> Methods(TypeDefinition type) => type.Methods.Concat(type.NestedTypes.SelectMany(Methods));
}

/// <summary>The Mediator handlers of an assembly and the request each handles.</summary>
internal static class Handlers
{
    private static readonly string[] RequestHandlerInterfaces =
        ["IRequestHandler`1", "IRequestHandler`2", "ICommandHandler`1", "ICommandHandler`2", "IQueryHandler`2",
         "IStreamRequestHandler`2", "IStreamCommandHandler`2", "IStreamQueryHandler`2"];

    public static IEnumerable<(Type Handler, Type Request)> In(Assembly assembly) =>
        from type in LoadableTypes(assembly)
        where type is { IsClass: true, IsAbstract: false } && !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))
        // The source generator's own Mediator class wires handlers up; it is not one.
        where type.Namespace?.StartsWith("ClaimDesk.Core.Mediator", StringComparison.Ordinal) != true
        from contract in type.GetInterfaces()
        where contract.IsGenericType && contract.Namespace == "Mediator" && RequestHandlerInterfaces.Contains(contract.Name)
        select (type, contract.GetGenericArguments()[0]);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException ex) { return ex.Types.OfType<Type>(); }
    }
}
