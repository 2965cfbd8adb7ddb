using System.Text;
using Huiqi.Engine.Output;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huiqi.Web.Apis;

/// <summary>
/// <c>/api/enterprises</c>: the enterprises in the caller's scope, their dossiers and their evaluations. The scope is
/// applied in the database query; an enterprise outside it answers 404, exactly like one that does not exist.
/// </summary>
public static class EnterprisesApi
{
    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("enterprises").RequireAuthorization();
        api.MapGet("", ListAsync).WithSummary("企业列表（权限范围内，服务器端筛选、排序、分页） / the enterprises in scope, filtered, sorted and paged");
        api.MapGet("/{uscc}", GetAsync).WithSummary("企业档案（一企一档） / one enterprise's dossier, in the contract's JSON");
        api.MapGet("/{uscc}/evaluation", EvaluateAsync).WithSummary("企业评估结果 / one enterprise's answer for an award year");
        return app;
    }

    /// <summary>The query of a list: filters, sort and page, as the list page takes them.</summary>
    public sealed record ListQuery(
        [FromQuery] string? District,
        [FromQuery] string? Sector,
        [FromQuery] string? Trait,
        [FromQuery] string? Library,
        [FromQuery] string? Clause,
        [FromQuery] string? Q,
        [FromQuery] string? Sort,
        [FromQuery] int? Year,
        [FromQuery] int? Page,
        [FromQuery] int? PageSize)
    {
        public EnterpriseFilter Filter => new() { District = District, Sector = Sector, Trait = Trait, Library = Library, Clause = Clause, Q = Q, Sort = Sort, Year = Year };
    }

    public static async Task<Ok<EnterprisePage>> ListAsync([AsParameters] ListQuery query, HttpContext http, EnterpriseDirectory directory, CancellationToken cancel)
    {
        var page = await directory.ListAsync(http.Actor(), query.Filter, query.Page ?? 1, query.PageSize ?? EnterpriseDirectory.DefaultPageSize, cancel);
        return TypedResults.Ok(page);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(string uscc, HttpContext http, EnterpriseDirectory directory, CancellationToken cancel)
    {
        var dossier = await directory.GetAsync(http.Actor(), uscc, cancel);
        return dossier is null
            ? Problems.NotFound(uscc)
            : TypedResults.Content(DossierJson.ToJson(dossier), "application/json; charset=utf-8", Encoding.UTF8);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> EvaluateAsync(
        string uscc,
        [FromQuery] int? year,
        [FromQuery] bool? hints,
        [FromQuery] bool? trace,
        HttpContext http,
        EnterpriseDirectory directory,
        PolicyEngine engine,
        CancellationToken cancel)
    {
        if (year is { } y && !Problems.ValidYear(y))
        {
            return Problems.BadYear(y);
        }

        var dossier = await directory.GetAsync(http.Actor(), uscc, cancel);
        if (dossier is null)
        {
            return Problems.NotFound(uscc);
        }

        var answer = engine.Evaluate(dossier, year ?? engine.Current.Catalogue, hints == true, trace == true);
        return TypedResults.Content(AnswerJson.ToJson(answer, indented: true) + "\n", "application/json; charset=utf-8", Encoding.UTF8);
    }
}
