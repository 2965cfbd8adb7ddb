using Microsoft.AspNetCore.Identity;

namespace Huiqi.Web.Accounts;

/// <summary>
/// An account (账号). Besides its role it carries what bounds its scope: the district of a district bureau's account,
/// the USCC of an enterprise's. Passwords are stored hashed by ASP.NET Core Identity; failed sign-ins lock it out.
/// </summary>
public sealed class HuiqiUser : IdentityUser
{
    /// <summary>The name shown on screen: 金水区工信局（初审）, 郑州示例传感科技有限公司 ….</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>For a district account: one of the 16 districts.</summary>
    public string? District { get; set; }

    /// <summary>For an enterprise account: its 统一社会信用代码.</summary>
    public string? Uscc { get; set; }
}
