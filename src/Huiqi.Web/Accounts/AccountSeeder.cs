using System.Security.Cryptography;
using System.Text;
using Huiqi.Engine.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Accounts;

/// <summary>
/// Creates the roles, the administrator and, in the Demo environment only, the demo accounts. The administrator's
/// password is read from configuration (<c>Huiqi:AdminPassword</c>, e.g. the environment variable
/// <c>Huiqi__AdminPassword</c>); nothing else is ever a default password. Demo passwords are derived from the account
/// name and <c>Huiqi:Demo:Seed</c>, so they are the same on every start and can be printed; they exist only in Demo.
/// </summary>
public sealed class AccountSeeder(
    UserManager<HuiqiUser> users,
    RoleManager<IdentityRole> roles,
    IDbContextFactory<WebDbContext> contexts,
    PolicyEngine engine,
    Microsoft.Extensions.Options.IOptions<Huiqi.Web.Extensions.HuiqiOptions> options,
    IHostEnvironment environment,
    ILogger<AccountSeeder> log)
{
    /// <summary>The demo accounts created by the last seeding, for the start-up banner and the tests.</summary>
    public static IReadOnlyList<(string Role, string UserName, string Password, string Name)> Printed { get; private set; } = [];

    /// <summary>Enterprise accounts made in the demo: a handful, the best-paid enterprise of each of these districts.</summary>
    public static readonly IReadOnlyList<string> DemoEnterpriseDistricts = ["金水区", "郑州高新区", "郑州经开区", "中原区", "二七区", "郑东新区"];

    /// <summary>The user name of a district's accounts: <c>jinshui-review</c>, <c>jinshui-finance</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> DistrictSlugs = new Dictionary<string, string>
    {
        ["巩义市"] = "gongyi", ["荥阳市"] = "xingyang", ["新密市"] = "xinmi", ["新郑市"] = "xinzheng",
        ["登封市"] = "dengfeng", ["中牟县"] = "zhongmu", ["郑州航空港区"] = "hangkonggang", ["郑州经开区"] = "jingkai",
        ["郑州高新区"] = "gaoxin", ["上街区"] = "shangjie", ["二七区"] = "erqi", ["金水区"] = "jinshui",
        ["中原区"] = "zhongyuan", ["管城回族区"] = "guancheng", ["惠济区"] = "huiji", ["郑东新区"] = "zhengdong",
    };

    public async Task SeedAsync(CancellationToken cancel = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        var demo = environment.IsEnvironment(DemoCitySeeder.Environment);
        var seed = options.Value.Demo.Seed;
        var printed = new List<(string, string, string, string)>();
        var adminPassword = options.Value.AdminPassword;
        if (string.IsNullOrEmpty(adminPassword) && demo)
        {
            adminPassword = DemoPassword("admin", seed);
            printed.Add((Roles.Admin, "admin", adminPassword, "系统管理员"));
        }

        if (!string.IsNullOrEmpty(adminPassword))
        {
            await EnsureAsync("admin", adminPassword, Roles.Admin, "系统管理员", null, null);
        }
        else
        {
            log.LogWarning("No administrator password configured (Huiqi:AdminPassword): no administrator account is created");
        }

        if (!demo)
        {
            Printed = [];
            return;
        }

        async Task Demo(string user, string role, string name, string? district, string? uscc)
        {
            var password = DemoPassword(user, seed);
            await EnsureAsync(user, password, role, name, district, uscc);
            printed.Add((role, user, password, name));
        }

        await Demo("city-review", Roles.CityReviewer, "市工信局", null, null);
        await Demo("city-finance", Roles.CityFinance, "市财政局", null, null);
        foreach (var district in Vocabulary.Districts)
        {
            var slug = DistrictSlugs[district];
            await Demo($"{slug}-review", Roles.DistrictReviewer, $"{district}工信部门", district, null);
            await Demo($"{slug}-finance", Roles.DistrictFinance, $"{district}财政部门", district, null);
        }

        foreach (var (uscc, name) in await DemoEnterprisesAsync(cancel))
        {
            await Demo(uscc, Roles.Enterprise, name, null, uscc);
        }

        Printed = printed;
    }

    /// <summary>The best-paid enterprise (default award year) of each district of <see cref="DemoEnterpriseDistricts"/>.</summary>
    private async Task<List<(string Uscc, string Name)>> DemoEnterprisesAsync(CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var chosen = new List<(string, string)>();
        foreach (var district in DemoEnterpriseDistricts)
        {
            var best = await (from e in db.Enterprises.AsNoTracking().Where(e => e.District == district)
                              join s in db.Summaries.AsNoTracking().Where(s => s.Year == engine.Current.Catalogue) on e.Id equals s.EnterpriseId into ss
                              from s in ss.DefaultIfEmpty()
                              orderby (s == null ? 0 : s.TotalYuan) descending, e.Id
                              select new { e.Uscc, e.Name }).FirstOrDefaultAsync(cancel);
            if (best is not null)
            {
                chosen.Add((best.Uscc, best.Name));
            }
        }

        return chosen;
    }

    private async Task EnsureAsync(string userName, string password, string role, string name, string? district, string? uscc)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new HuiqiUser { UserName = userName, DisplayName = name, District = district, Uscc = uscc, LockoutEnabled = true };
            Check(await users.CreateAsync(user, password), userName);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), userName);
            // A changed role is read into the cookie at sign-in: a new stamp ends sessions signed in under the old one.
            Check(await users.UpdateSecurityStampAsync(user), userName);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"cannot create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>
    /// A demo account's password: the same for the same name and seed, meeting the password rules (upper, lower,
    /// digit, symbol, 10+ characters). Only for the Demo environment.
    /// </summary>
    public static string DemoPassword(string userName, int seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"huiqi-demo/{seed}/{userName}"));
        const string lower = "abcdefghjkmnpqrstuvwxyz";
        var digits = (BitConverter.ToUInt32(hash, 0) % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var letters = new string([.. hash.Skip(4).Take(4).Select(b => lower[b % lower.Length])]);
        return $"Hq{digits}-{letters}";
    }
}
