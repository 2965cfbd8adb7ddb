using Huiqi.Web.Apis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Extensions;

/// <summary>How the application is put together: one extension method per concern, called in order by Program.cs.</summary>
public static class HostingExtensions
{
    /// <summary>Structured logs: JSON lines on the console (appsettings.json), with scopes.</summary>
    public static WebApplicationBuilder AddHuiqiLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        return builder;
    }

    /// <summary>
    /// The registry (Huiqi.Store) and the web tables on one connection (<c>HUIQI_DB</c> or <c>ConnectionStrings:Huiqi</c>:
    /// a SQLite file by default, or a PostgreSQL <c>Host=…</c> string), the catalogue, and the services over them.
    /// </summary>
    public static WebApplicationBuilder AddHuiqiRegistry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.ReadHuiqiOptions();
        builder.Services.AddHuiqiStore(options.Database);
        builder.Services.AddSingleton(new WebDatabase(options.Database));
        builder.Services.AddSingleton<IDbContextFactory<WebDbContext>>(sp => sp.GetRequiredService<WebDatabase>());
        builder.Services.AddPart<WebDatabase>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var loaded = PolicySource.Load();
            return loaded.Catalog is null
                ? throw new InvalidOperationException("政策目录有错误 / the catalogue has errors:\n" + string.Join("\n", loaded.Errors))
                : new PolicyEngine(loaded.Catalog, loaded.Switches, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<SummaryService>();
        builder.Services.AddSingleton<EnterpriseDirectory>();
        builder.Services.AddSingleton<LedgerQueries>();
        builder.Services.AddScoped<DemoCitySeeder>();
        builder.Services.AddScoped<AccountSeeder>();
        builder.Services.AddScoped<Offices>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// Accounts with ASP.NET Core Identity: hashed passwords, lockout after <c>Huiqi:Lockout:MaxFailedAttempts</c>
    /// failures, cookies that are HttpOnly, Secure and SameSite=Strict; every page needs a signed-in user unless it
    /// says otherwise.
    /// </summary>
    public static WebApplicationBuilder AddHuiqiAccounts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.ReadHuiqiOptions();
        var lockout = options.Lockout;
        // Cookies are Secure (sent over HTTPS only). The Demo and Development environments serve plain http on
        // loopback, so there they are Secure whenever the request is; Huiqi:CookieSecurePolicy overrides either.
        var secure = options.CookieSecurePolicy
            ?? (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment(DemoCitySeeder.Environment)
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always);
        builder.Services
            .AddIdentity<HuiqiUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = lockout.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(lockout.Minutes);
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<WebDbContext>()
            .AddClaimsPrincipalFactory<HuiqiClaimsFactory>()
            .AddDefaultTokenProviders();

        // Identity's stores take a WebDbContext from the container, built from the same options as the factory's.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<WebDbContext>>().CreateDbContext());

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "huiqi.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                // The API answers 401/403; only pages redirect to the sign-in form.
                OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden),
                OnValidatePrincipal = ValidateSessionAsync,
            };
        });

        builder.Services.AddHuiqiPolicies();

        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "huiqi.af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        return builder;
    }

    /// <summary>
    /// Razor Pages, ProblemDetails for every API error, the OpenAPI document, request size limits (the server's
    /// ceiling; each endpoint that reads a body sets its own, <see cref="BodyLimit"/>), the rate limits.
    /// </summary>
    public static WebApplicationBuilder AddHuiqiWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The stylesheet (and its precompressed copies) from the build's static web assets in every environment, not
        // only Development: `dotnet run` in Demo serves the same files a published copy serves from its wwwroot.
        builder.WebHost.UseStaticWebAssets();

        // Chinese is written as is, not as &#x…; entities: pages stay readable and half the size.
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorPages(o => AccessPolicies.Apply(o.Conventions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Edge.Describe);
        // A query value that cannot be bound (?year=abc) is thrown, so that its ProblemDetails can name the field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddHuiqiRateLimits(builder.ReadHuiqiOptions().RateLimits);
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "惠企 Huiqi API";
            doc.Info.Description = "评估企业可享政策（合同见 shared/spec/dossier.md），以及调用者权限范围内的企业及其评估结果 / evaluation on the dossier contract, and the enterprises in the caller's scope.";
            return Task.CompletedTask;
        }));
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 256L * 1024 * 1024);
        return builder;
    }

    /// <summary>
    /// Each request's cookie is checked against the account (one read by key): a security stamp renewed since the
    /// sign-in (sign-out, password change, unlock, role change) or a locked account ends the session at once, where
    /// Identity's own validator would wait for its interval and rebuild the cookie on every check.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<HuiqiUser>>();
        var stampClaim = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var principal = context.Principal!;
        var id = users.GetUserId(principal);
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null || user.SecurityStamp is null || principal.FindFirst(stampClaim)?.Value != user.SecurityStamp || await users.IsLockedOutAsync(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
