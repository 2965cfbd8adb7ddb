using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Huiqi.Web.Accounts;

/// <summary>
/// Who may open which page, declared once: the named policies (by role), the pages and folders each guards, and the
/// pages open to everyone. Every other page and endpoint needs a signed-in user (the fallback policy); what a
/// signed-in user then sees is the domain's answer for their <see cref="Actor"/> (its scope and allowed steps).
/// </summary>
public static class AccessPolicies
{
    /// <summary>District and city bureaus (区县、市级部门): enterprise lists, supervision, notices, payments, budgets.</summary>
    public const string Lists = "lists";

    /// <summary>The city bureaus and the administrator (市工信局、市财政局、系统管理员): the whole city's runs and logs.</summary>
    public const string City = "city";

    /// <summary>The administrator: accounts.</summary>
    public const string Admin = "admin";

    /// <summary>The roles (as the accounts store them) each policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Policies = new Dictionary<string, IReadOnlyList<string>>
    {
        [Lists] = [Roles.DistrictReviewer, Roles.DistrictFinance, Roles.CityReviewer, Roles.CityFinance, Roles.Admin],
        [City] = [.. Roles.All.Where(Roles.IsCity)],
        [Admin] = [Roles.Admin],
    };

    /// <summary>The folders (every page under them) and the single pages each policy guards.</summary>
    public static readonly IReadOnlyList<(string Path, bool Folder, string Policy)> Guarded =
    [
        ("/Enterprises", true, Lists),
        ("/Monitoring", true, Lists),
        ("/Libraries", true, Lists),
        ("/Tasks", true, Lists),
        ("/Dashboard", false, Lists),
        ("/Corrections", false, Lists),
        ("/Cases/Notices", false, Lists),
        ("/Cases/Notice", false, Lists),
        ("/Cases/Payments", false, Lists),
        ("/Cases/Budgets", false, Lists),
        ("/Simulation", true, City),
        ("/Cases/Decisions", false, City),
        ("/Cases/Batch", false, City),
        ("/Admin", true, Admin),
    ];

    /// <summary>The pages anyone may open, signed in or not.</summary>
    public static readonly IReadOnlyList<string> Anonymous = ["/Account/Login", "/Account/Logout", "/Account/AccessDenied", "/Status", "/Help"];

    /// <summary>The fallback (a signed-in user) and the named policies.</summary>
    public static IServiceCollection AddHuiqiPolicies(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (name, roles) in Policies)
        {
            builder.AddPolicy(name, p => p.RequireRole(roles));
        }

        return services;
    }

    /// <summary>Applies <see cref="Guarded"/> and <see cref="Anonymous"/> to the Razor Pages.</summary>
    public static void Apply(PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        foreach (var page in Anonymous)
        {
            conventions.AllowAnonymousToPage(page);
        }

        foreach (var (path, folder, policy) in Guarded)
        {
            if (folder)
            {
                conventions.AuthorizeFolder(path, policy);
            }
            else
            {
                conventions.AuthorizePage(path, policy);
            }
        }
    }
}
