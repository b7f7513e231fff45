using ClaimDesk.Core.Domain;

namespace ClaimDesk.Core.Security;

/// <summary>
/// Which roles may do what, outside the claim workflow (whose moves carry their own roles in <see cref="ClaimWorkflow"/>).
/// Endpoints use these as authorization policies; admins may do everything.
/// </summary>
public static class RolePermissions
{
    public const string Read = "read";
    public const string Register = "register";
    public const string Review = "review";
    public const string Comment = "comment";
    public const string Corroborate = "corroborate";
    public const string Assign = "assign";
    public const string ApproveVerdicts = "approveVerdicts";
    public const string ManageOutlets = "manageOutlets";
    public const string ManageIntegrations = "manageIntegrations";
    public const string Admin = "admin";

    public static readonly IReadOnlyDictionary<string, Role[]> Policies = new Dictionary<string, Role[]>
    {
        [Read] = [Role.Reader, Role.Reviewer, Role.Editor, Role.Integration, Role.Admin],
        // Articles and claims come from reviewers at work and from editorial tools.
        [Register] = [Role.Reviewer, Role.Editor, Role.Integration, Role.Admin],
        // Evidence decisions and workflow moves: the people who rule.
        [Review] = [Role.Reviewer, Role.Editor, Role.Admin],
        // Notes come from people and from chat bots.
        [Comment] = [Role.Reviewer, Role.Editor, Role.Integration, Role.Admin],
        [Corroborate] = [Role.Reviewer, Role.Editor, Role.Integration, Role.Admin],
        // Reviewers may take an unassigned claim or drop their own; the rest is checked in the handler (ClaimAssignment).
        [Assign] = [Role.Reviewer, Role.Editor, Role.Admin],
        // The second person on a verdict, when the desk asks for one; the workflow table names the same roles.
        [ApproveVerdicts] = [Role.Editor, Role.Admin],
        // An outlet's domain and owner group decide which evidence is independent, and so what can be verified.
        [ManageOutlets] = [Role.Editor, Role.Admin],
        [ManageIntegrations] = [Role.Integration, Role.Admin],
        [Admin] = [Role.Admin],
    };
}
