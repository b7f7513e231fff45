using System.Reflection;
using ClaimDesk.Core.Behaviors;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ClaimDesk.Architecture.Tests;

/// <summary>
/// One convention for saving: the commit behavior saves what a handler leaves and commits it; a handler saves itself only
/// when it must see its write before it answers, and its request says so (<see cref="ISavesItself"/>, or
/// <see cref="ICommitsItself"/> for one the behavior passes through). Read from the method bodies, following every call,
/// lambda, local function and async state machine through the desk's own code (EvidenceFinder.SaveAsync saves for the
/// handlers that call it), so a save anywhere on a handler's way counts.
/// </summary>
public sealed class SavingConventionTests
{
    [Fact]
    public void A_handler_saves_only_when_its_request_says_it_does()
    {
        var (unmarked, idle) = Check(Layers.Core);
        Assert.True(unmarked.Count == 0,
            "These handlers call SaveChanges but their request is not marked ISavesItself: leave saving to the commit behavior, " +
            "or mark the request and say why the handler must save before it answers:\n  " + string.Join("\n  ", unmarked));
        Assert.True(idle.Count == 0,
            "These requests are marked ISavesItself but their handler never saves: drop the mark.\n  " + string.Join("\n  ", idle));
    }

    [Fact]
    public void The_saving_rule_sees_a_save_however_deep_and_a_mark_that_lies()
    {
        // A rule that cannot fail proves nothing: this assembly plants one of each (Planted/PlantedSaving.cs).
        var (unmarked, idle) = Check(typeof(SavingConventionTests).Assembly, except: null);
        Assert.Equal(["PlantedDirectSaveHandler", "PlantedHelperSaveHandler", "PlantedLambdaSaveHandler"], unmarked.Order());
        Assert.Equal(["PlantedIdleMark"], idle);
    }

    private static (List<string> Unmarked, List<string> Idle) Check(Assembly assembly, string? except = null)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var saving = SavingMethods(module);
        var unmarked = new List<string>();
        var idle = new List<string>();
        foreach (var (handler, request) in Handlers.In(assembly))
        {
            if (except is not null && handler.Namespace == except) continue;
            var saves = AllMethods(module.GetType(handler.FullName)).Any(saving.Contains);
            var mayCommit = typeof(ICommitsItself).IsAssignableFrom(request);
            var marked = typeof(ISavesItself).IsAssignableFrom(request);
            if (saves && !marked && !mayCommit) unmarked.Add(handler.Name);
            if (marked && !saves) idle.Add(request.Name);
        }
        return (unmarked, idle);
    }

    /// <summary>Every method of the module that calls a DbContext's SaveChanges, or reaches one that does.</summary>
    private static HashSet<MethodDefinition> SavingMethods(ModuleDefinition module)
    {
        var methods = module.Types.SelectMany(AllMethods).ToList();
        var reaches = methods.ToDictionary(m => m, m => Reached(module, m).ToList());
        var saving = methods.Where(m => Called(m).Any(IsSaveChanges)).ToHashSet();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var method in methods)
                if (!saving.Contains(method) && reaches[method].Any(saving.Contains))
                    grew = saving.Add(method);
        }
        return saving;
    }

    private static bool IsSaveChanges(MethodReference called) =>
        called.Name is "SaveChanges" or "SaveChangesAsync" && InheritsDbContext(called.DeclaringType);

    private static bool InheritsDbContext(TypeReference? type)
    {
        for (var depth = 0; type is not null && depth < 10; depth++)
        {
            if (type.FullName == "Microsoft.EntityFrameworkCore.DbContext") return true;
            try
            {
                type = type.Resolve()?.BaseType;
            }
            catch (AssemblyResolutionException)
            {
                return false; // a type of an assembly beside none of ours: not a context
            }
        }
        return false;
    }

    private static IEnumerable<MethodReference> Called(MethodDefinition method) =>
        method.HasBody ? method.Body.Instructions.Select(i => i.Operand).OfType<MethodReference>() : [];

    /// <summary>
    /// The module's own methods this one calls or takes a delegate to, and for an async or iterator method the state
    /// machine that holds its body.
    /// </summary>
    private static IEnumerable<MethodDefinition> Reached(ModuleDefinition module, MethodDefinition method)
    {
        foreach (var called in Called(method))
            if (called.DeclaringType.GetElementType().Scope == module && called.Resolve() is { } definition)
                yield return definition;
        foreach (var attribute in method.CustomAttributes.Where(a =>
                     a.AttributeType.Name is "AsyncStateMachineAttribute" or "IteratorStateMachineAttribute" or "AsyncIteratorStateMachineAttribute"))
            if (attribute.ConstructorArguments[0].Value is TypeReference machine && machine.Resolve() is { } type)
                foreach (var step in type.Methods)
                    yield return step;
    }

    private static IEnumerable<MethodDefinition> AllMethods(TypeDefinition type) => type.Methods.Concat(type.NestedTypes.SelectMany(AllMethods));
}
