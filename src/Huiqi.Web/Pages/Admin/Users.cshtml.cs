using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Pages.Admin;

/// <summary>The administrator's list of accounts: role, scope, failed sign-ins, lockout, and unlocking.</summary>
public sealed class UsersModel(UserManager<HuiqiUser> users, TimeProvider clock) : PageModel
{
    public sealed record Line(HuiqiUser User, IReadOnlyList<string> Roles, bool Locked);

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancel);
        var lines = new List<Line>();
        foreach (var u in all)
        {
            lines.Add(new Line(u, [.. await users.GetRolesAsync(u)], u.LockoutEnd is { } end && end > clock.GetUtcNow()));
        }

        Lines = lines;
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // A new stamp ends whatever session was open before the lock.
        await users.UpdateSecurityStampAsync(user);
        Message = $"已解锁 {user.UserName}。";
        return RedirectToPage();
    }
}
