using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimDesk.WebConsole.Infrastructure;

/// <summary>
/// The permission (a <see cref="Core.Security.RolePermissions"/> policy, the same the API endpoints require) a page or
/// one of its handlers needs. Razor Pages ignores [Authorize] on handler methods, so the console checks this instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PermissionAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>
/// Refuses (403) a console request whose session's role lacks the permission of the page or handler, whatever the form
/// says. Fails closed: a handler that changes something and names no permission is a bug, refused for everyone.
/// </summary>
public sealed class PermissionFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is not ConsolePage page)
        {
            await next();
            return;
        }
        var method = context.HandlerMethod?.MethodInfo;
        var required = new[]
        {
            (PermissionAttribute?)Attribute.GetCustomAttribute(page.GetType(), typeof(PermissionAttribute)),
            method is null ? null : (PermissionAttribute?)Attribute.GetCustomAttribute(method, typeof(PermissionAttribute)),
        };
        var unsafeMethod = !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method);
        if (unsafeMethod && required[1] is null)
        {
            context.Result = page.Refuse("This action names no permission, so nobody may use it.");
            return;
        }
        foreach (var permission in required.OfType<PermissionAttribute>())
        {
            if (!(await authorization.AuthorizeAsync(context.HttpContext.User, permission.Policy)).Succeeded)
            {
                context.Result = page.Refuse($"Your role ({page.Me.RoleName}) does not allow this.");
                return;
            }
        }
        await next();
    }
}
