using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Huiqi.Web.Accounts;

/// <summary>Puts the account's district, USCC and display name into its cookie, where <see cref="Actor.Of"/> reads them.</summary>
public sealed class HuiqiClaimsFactory(UserManager<HuiqiUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<HuiqiUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HuiqiUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Actor.DisplayNameClaim, user.DisplayName));
        if (!string.IsNullOrEmpty(user.District))
        {
            identity.AddClaim(new Claim(Actor.DistrictClaim, user.District));
        }

        if (!string.IsNullOrEmpty(user.Uscc))
        {
            identity.AddClaim(new Claim(Actor.UsccClaim, user.Uscc));
        }

        return identity;
    }
}
