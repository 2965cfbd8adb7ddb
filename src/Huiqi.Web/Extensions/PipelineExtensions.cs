using System.Text;
using Huiqi.Web.Apis;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Huiqi.Web.Extensions;

/// <summary>The request pipeline, the start-up work on the database, and the banner.</summary>
public static class PipelineExtensions
{
    /// <summary>
    /// Checks the settings; migrates every part's tables (the registry first, then the web tables, the cases,
    /// supervision and the simulation runs: <see cref="IPartDatabase"/>); in the Demo environment fills an empty registry
    /// with the demo city and creates the demo accounts (and pushes the demo year's cases); computes the default award
    /// year's summaries.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Huiqi.Startup");
        // A wrong setting stops the start here, before the database is touched, with the key it is about.
        _ = app.Services.GetRequiredService<IOptions<HuiqiOptions>>().Value;
        var database = app.Services.GetRequiredService<HuiqiDatabase>();
        log.LogInformation("Migrating {Database}", database.Describe());
        foreach (var part in app.Services.GetServices<IPartDatabase>())
        {
            await part.MigrateAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        if (app.Environment.IsEnvironment(DemoCitySeeder.Environment))
        {
            await scope.ServiceProvider.GetRequiredService<DemoCitySeeder>().SeedIfEmptyAsync();
        }

        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync();
        await app.PrepareCasesAsync();
        var engine = app.Services.GetRequiredService<PolicyEngine>();
        await app.Services.GetRequiredService<SummaryService>().EnsureAsync(engine.Current.Catalogue);
    }

    public static WebApplication UseHuiqiPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // A request the server refused while reading it (a body over its limit, a value that cannot be bound) keeps its
        // 4xx status; only the rest is a 500.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = Edge.StatusOf });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Status", StatusCodeSelector = Edge.StatusOf });
            pages.UseStatusCodePagesWithReExecute("/Status", "?code={0}");
        });
        // Behind a reverse proxy that terminates TLS, the scheme and client address come from its X-Forwarded headers,
        // read only from the proxies listed in configuration.
        if (Edge.ForwardedHeaders(app.Services.GetRequiredService<IOptions<HuiqiOptions>>().Value.ForwardedHeaders) is { } forwarded)
        {
            app.UseForwardedHeaders(forwarded);
        }

        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment(DemoCitySeeder.Environment))
        {
            app.UseHsts();
        }

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // Everything is served by the application itself: no script, style or font from elsewhere.
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        app.UseRouting();
        app.UseRejectionsWithoutSignIn();
        app.UseRateLimiter();
        app.UseFormLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapHuiqiHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    public static WebApplication MapHuiqiPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    /// <summary>Once the server listens: its address, the database, and in the Demo environment the demo accounts.</summary>
    public static WebApplication PrintBannerWhenStarted(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var text = new StringBuilder();
            text.AppendLine();
            text.AppendLine("惠企 Huiqi — 郑州市制造业惠企政策平台 已启动 / started");
            foreach (var a in addresses)
            {
                text.AppendLine($"  地址 / address: {a}");
            }

            var database = app.Services.GetRequiredService<HuiqiDatabase>();
            text.AppendLine($"  数据库 / database: {(database.Provider == StoreProvider.Sqlite
                ? "SQLite " + Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource)
                : database.Describe())}");
            var years = app.Services.GetRequiredService<PolicyEngine>().Current;
            text.AppendLine($"  当前评估年度 / award years: 数据类 {years.Figures}，事项类 {years.Events}");
            var accounts = AccountSeeder.Printed;
            if (accounts.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("演示账号（仅演示环境，密码由账号名确定性生成，勿用于生产） / demo accounts (Demo environment only):");
                foreach (var (role, user, password, name) in accounts)
                {
                    text.AppendLine($"  {Pad(Roles.Chinese(role), 22)} {Pad(user, 20)} {Pad(password, 14)} {name}");
                }
            }

            text.AppendLine();
            Console.Out.Write(text.ToString());
            Console.Out.Flush();
        });
        return app;
    }

    private static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api");

    /// <summary>Pads to a width counting a CJK character as two columns, so the table lines up in a terminal.</summary>
    private static string Pad(string s, int width)
    {
        var w = s.Sum(ch => ch > 0x2E80 ? 2 : 1);
        return w >= width ? s + " " : s + new string(' ', width - w);
    }
}
